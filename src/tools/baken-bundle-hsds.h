/* baken-bundle-hsds.h: the HSDS subcommands of baken-bundle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * import-hsds and export-hsds. baken-bundle.c lists them in its table of subcommands with
 * the summaries and descriptions below. Exit status: 0 ok, 1 a problem with the input or
 * the output, 2 wrong usage.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BAKEN_BUNDLE_IMPORT_HSDS_PARAMETERS "PATH OUT | --url URL OUT | --into SOURCE [PATH]"
#define BAKEN_BUNDLE_IMPORT_HSDS_SUMMARY "Turn an HSDS 3.0 package, JSON or API into a content source"
#define BAKEN_BUNDLE_IMPORT_HSDS_DESCRIPTION \
  "Reads a social map in HSDS 3.0 and writes a content source (docs/content-format.md)\n" \
  "to the new folder OUT, ready for baken-bundle lint and build. PATH is\n" \
  "\n" \
  "  a tabular data package: a folder with datapackage.json and its CSV files (without\n" \
  "    datapackage.json, the standard HSDS file names);\n" \
  "  a JSON file: one service with its organization, service_at_locations (each with\n" \
  "    its location), phones, schedules, … nested, as an HSDS API's /services/{id}\n" \
  "    answers; a page of them ({\"contents\": […]}, /services); or a list of them;\n" \
  "  a folder of such JSON files (read in name order).\n" \
  "\n" \
  "--url URL reads a live HSDS API instead: URL/services?page=1, 2, … until the last\n" \
  "page (and URL/services/ID for a service a page lists without its organization). It\n" \
  "must be https (plain http only to this computer); each answer may be 16 MiB, all\n" \
  "together 256 MiB; a read that stalls 30 s, or reading that takes longer than\n" \
  "--timeout seconds (default 600), stops the import. A page that cannot be read stops\n" \
  "it too: a social map read in part would drop services from every kiosk.\n" \
  "\n" \
  "Kept: organizations, services, locations, addresses, service_at_location, phones,\n" \
  "schedules (weekly hours), required_documents, languages and accessibility.\n" \
  "\n" \
  "HSDS has no menu. Without --menu, OUT gets one life event, \"Alle diensten\", that\n" \
  "lists every service, and the taxonomy terms of the services are named. --menu MENU\n" \
  "takes the menu of the content source MENU (life_events.csv, taxonomy_menu.csv,\n" \
  "synonyms, translations, icons): each service is listed under every life event (or\n" \
  "situation) its taxonomy terms reach through taxonomy_menu.csv; a life event no\n" \
  "service reaches is left out this time; the services no mapping reaches are listed\n" \
  "at the end, for IT to map or place.\n" \
  "\n" \
  "--into SOURCE updates the content source SOURCE instead of writing OUT: the social\n" \
  "map is imported with SOURCE's menu, and what Baken adds on top stays: columns HSDS\n" \
  "has no place for (handover, audience, cost notes, positions), records the editor\n" \
  "added (a staff-only number, a chat channel, other hours on a date), services placed\n" \
  "by hand (with their notes), translations, and an edit of an imported value the\n" \
  "social map did not change since. SOURCE/hsds-import.json, written by every import,\n" \
  "says what the last one wrote. Where the editor and the social map both changed a\n" \
  "record, the social map's version is taken: SOURCE/FILE[:LINE]: conflict: MESSAGE.\n" \
  "The result must build, or SOURCE is left as it was; its files are then replaced one\n" \
  "by one (keep SOURCE in version control). Review the change with baken-bundle diff.\n" \
  "\n" \
  "Dropped, each reported on standard error as \"FILE:LINE: dropped: REASON\" (or per\n" \
  "file with a count): schedules that are not weekly (freq MONTHLY, interval over 1,\n" \
  "bymonthday, …) or have no times, hours of a location without a service, phones not\n" \
  "tied to a service, resources Baken does not use (programs, contacts, …) and fields it\n" \
  "has no place for. Times may have seconds and a time zone suffix (it is ignored: times\n" \
  "are local); a closing time of 00:00 becomes 24:00.\n" \
  "\n" \
  "Real exports are never clean, so import takes what it can. An optional value that is\n" \
  "not of its HSDS type, out of range (a latitude of 100), refers to a record that does\n" \
  "not exist, or that Baken cannot take is dropped and its record kept; so is a JSON\n" \
  "member that should be a list of objects and is not:\n" \
  "\n" \
  "  PATH/FILE:LINE:COLUMN: warning: MESSAGE; dropped it, the NOUN is kept without it\n" \
  "\n" \
  "A record without a value HSDS requires, with a required value that is wrong, or that\n" \
  "needs a record that was left out (a service of an organisation that is not there) is\n" \
  "left out, and so are the records of a file that is not valid JSON:\n" \
  "\n" \
  "  PATH/FILE:LINE:COLUMN: error: MESSAGE; the NOUN is left out\n" \
  "\n" \
  "For JSON, FILE is the file (or services?page=N of the API), LINE and COLUMN where the\n" \
  "value is in it. --strict stops at the first warning or error instead: then nothing is\n" \
  "written. Without it, import stops only when the source cannot be read at all, has no\n" \
  "organisations or no services, or not one service can be kept. OUT is made as\n" \
  "OUT.tmp-XXXXXX and renamed only when everything succeeded; it must not exist (or be\n" \
  "an empty folder).\n" \
  "\n" \
  "Exit status:\n" \
  "  0  OUT was written (warnings and errors above say what was left out)\n" \
  "  1  the source cannot be imported (or, with --strict, has warnings or errors), the\n" \
  "     API cannot be read, or OUT cannot be written\n" \
  "  2  wrong usage\n" \
  "\n" \
  "Examples:\n" \
  "  baken-bundle import-hsds sociale-kaart/ content/\n" \
  "  baken-bundle import-hsds --strict sociale-kaart/ content/\n" \
  "  baken-bundle import-hsds --url https://sociale-kaart.example/api/v3 \\\n" \
  "      --menu menu/ content/\n" \
  "  baken-bundle import-hsds --url https://sociale-kaart.example/api/v3 --into content/\n" \
  "  baken-bundle diff published/ content/\n" \
  "  baken-bundle lint content/"

#define BAKEN_BUNDLE_EXPORT_HSDS_PARAMETERS "SRC OUT"
#define BAKEN_BUNDLE_EXPORT_HSDS_SUMMARY "Write a content source as an HSDS 3.0 tabular package"
#define BAKEN_BUNDLE_EXPORT_HSDS_DESCRIPTION \
  "Writes the content source in the folder SRC as an HSDS 3.0.0 tabular data package to\n" \
  "the new folder OUT: organizations.csv, services.csv, locations.csv, addresses.csv,\n" \
  "service_at_location.csv, phones.csv, schedules.csv, required_documents.csv,\n" \
  "languages.csv, accessibility.csv, and a datapackage.json with the official HSDS\n" \
  "resource definitions (© Open Referral, CC BY-SA 4.0; the attribution is in the file).\n" \
  "SRC must build without problems.\n" \
  "\n" \
  "Ids become UUIDs, as HSDS requires: version 5 UUIDs of \"RESOURCE/ID\", so the same\n" \
  "record gets the same UUID in every export. --keep-ids writes our own ids instead (not\n" \
  "valid HSDS, but easy to compare). Filled in where HSDS requires a value: location_type\n" \
  "and address_type \"physical\", country \"NL\", state_province the region of SRC.\n" \
  "Times are written HH:MM:SS, and a closing time of 24:00 as 00:00:00.\n" \
  "\n" \
  "Not exported, and reported on standard error: staff-only phones and channels (unless\n" \
  "--include-staff: HSDS cannot mark a number as staff-only, so never publish such a\n" \
  "package), channels other than phones (a public website or e-mail channel becomes the\n" \
  "url or email of its service when that is empty), hours of phones and channels,\n" \
  "schedule exceptions, cost notes, positions (the rows are written in that order),\n" \
  "life events, synonyms and translations (an HSDS tabular package holds one language:\n" \
  "this one holds the Dutch texts).\n" \
  "\n" \
  "Exit status:\n" \
  "  0  OUT was written\n" \
  "  1  SRC has problems (listed on standard error), or OUT cannot be written\n" \
  "  2  wrong usage\n" \
  "\n" \
  "Examples:\n" \
  "  baken-bundle export-hsds content/ hsds-export/\n" \
  "  baken-bundle export-hsds --keep-ids content/ /tmp/compare/"

int baken_bundle_run_import_hsds (int    argc,
                                  char **argv);
int baken_bundle_run_export_hsds (int    argc,
                                  char **argv);

G_END_DECLS
