/* baken-bundle.c: the content tool for IT — build (and later sign, check, …) bundles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each subcommand is one entry in the subcommands table: its name, its argument synopsis,
 * a one-line summary for `baken-bundle --help`, a longer description for
 * `baken-bundle NAME --help`, and a run function that parses its own options with its
 * own GOptionContext. Exit status: 0 ok, 1 a problem with the content or the output,
 * 2 wrong usage.
 */
#define G_LOG_DOMAIN "baken-bundle"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib.h>

#include "baken-bundle-cli.h"
#include "baken-bundle-diff.h"
#include "baken-bundle-hsds.h"
#include "baken-bundle-publish.h"
#include "baken-bundle-lint.h"
#include "baken-bundle-root.h"
#include "baken-bundle-slip.h"
#include "baken-bundle-translations.h"
#include "baken-bundle-trust.h"
#include "baken-content-build.h"

enum {
  EXIT_OK = 0,
  EXIT_PROBLEMS = 1,
  EXIT_USAGE = 2,
};

typedef struct
{
  const char *name;
  const char *parameters;    /* argument synopsis after the options */
  const char *summary;       /* one line, for the command list */
  const char *description;   /* shown after the options in NAME --help */
  int       (*run)           (int argc, char **argv);
} Subcommand;

static int run_build (int argc, char **argv);

static const Subcommand subcommands[] = {
  {
    "build",
    "SRC OUTDIR|FILE.sqlite",
    "Compile a content source folder into a bundle or a content DB",
    "Reads the content source in the folder SRC (datapackage.json, the CSV tables and\n"
    "icons/*.svg, as described in docs/content-format.md), checks all of it, and writes\n"
    "a bundle to the folder OUTDIR: the content DB content-SERIAL.sqlite and manifest.json,\n"
    "ready for baken-bundle sign (or minisign -S -m OUTDIR/manifest.json). When the\n"
    "second argument ends in .sqlite, only that content DB is written (OUT below).\n"
    "\n"
    "A bundle needs --serial. It expires at --expires, or --valid-days (default 90) after\n"
    "its creation: a kiosk refuses an expired bundle, so publish again before then.\n"
    "--pubkey KEY names the key that will sign it (a public key file or the \"RW…\" key);\n"
    "without it, baken-bundle sign fills it in, but stock minisign cannot. A signature\n"
    "left from an earlier build in OUTDIR is removed. After a key rotation, --root-version N\n"
    "names the root keys document (keys.json) whose content key signs the bundle; publish\n"
    "keys.json and keys.json.minisig beside it (see baken-bundle root-make).\n"
    "\n"
    "Every problem is printed on standard error as\n"
    "\n"
    "  SRC/FILE:LINE:COLUMN: error: MESSAGE\n"
    "\n"
    "where COLUMN is the number of the field in its row (1 is the first column, as in a\n"
    "spreadsheet), followed by a one-line summary. All problems are reported, not only\n"
    "the first. When there is any problem nothing is written: OUT is built in a temporary\n"
    "file next to it and renamed into place only when the whole build succeeded, so an\n"
    "existing OUT stays as it was.\n"
    "\n"
    "--serial N is stored in the content DB; kiosks only accept a bundle whose serial is\n"
    "higher than the one they have, so give every publication a higher number. Without\n"
    "it, the serial is the creation time as YYYYMMDDHHMMSS (UTC). --created and --expires\n"
    "take an ISO 8601 time such as 2025-03-01T08:00:00Z (UTC when no offset is given).\n"
    "The same source built with the same --serial and --created gives the same content.\n"
    "\n"
    "Exit status:\n"
    "  0  the content DB was written\n"
    "  1  the source has problems (listed on standard error), or OUT cannot be written\n"
    "  2  wrong usage: an unknown option, a missing argument or a malformed value\n"
    "\n"
    "Examples:\n"
    "  baken-bundle build --serial 42 --pubkey baken-2026.pub content/ publish/\n"
    "  baken-bundle build data/demo content.sqlite\n"
    "  baken-bundle build --serial 42 --created 2025-03-01T08:00:00Z \\\n"
    "      --expires 2025-06-01T00:00:00Z content/ publish/content-42.sqlite",
    run_build,
  },
  {
    "lint",
    BAKEN_BUNDLE_LINT_PARAMETERS,
    BAKEN_BUNDLE_LINT_SUMMARY,
    BAKEN_BUNDLE_LINT_DESCRIPTION,
    baken_bundle_run_lint,
  },
  {
    "inspect",
    BAKEN_BUNDLE_INSPECT_PARAMETERS,
    BAKEN_BUNDLE_INSPECT_SUMMARY,
    BAKEN_BUNDLE_INSPECT_DESCRIPTION,
    baken_bundle_run_inspect,
  },
  {
    "keygen",
    BAKEN_BUNDLE_KEYGEN_PARAMETERS,
    BAKEN_BUNDLE_KEYGEN_SUMMARY,
    BAKEN_BUNDLE_KEYGEN_DESCRIPTION,
    baken_bundle_run_keygen,
  },
  {
    "sign",
    BAKEN_BUNDLE_SIGN_PARAMETERS,
    BAKEN_BUNDLE_SIGN_SUMMARY,
    BAKEN_BUNDLE_SIGN_DESCRIPTION,
    baken_bundle_run_sign,
  },
  {
    "verify",
    BAKEN_BUNDLE_VERIFY_PARAMETERS,
    BAKEN_BUNDLE_VERIFY_SUMMARY,
    BAKEN_BUNDLE_VERIFY_DESCRIPTION,
    baken_bundle_run_verify,
  },
  {
    "root-make",
    BAKEN_BUNDLE_ROOT_MAKE_PARAMETERS,
    BAKEN_BUNDLE_ROOT_MAKE_SUMMARY,
    BAKEN_BUNDLE_ROOT_MAKE_DESCRIPTION,
    baken_bundle_run_root_make,
  },
  {
    "root-sign",
    BAKEN_BUNDLE_ROOT_SIGN_PARAMETERS,
    BAKEN_BUNDLE_ROOT_SIGN_SUMMARY,
    BAKEN_BUNDLE_ROOT_SIGN_DESCRIPTION,
    baken_bundle_run_root_sign,
  },
  {
    "root-inspect",
    BAKEN_BUNDLE_ROOT_INSPECT_PARAMETERS,
    BAKEN_BUNDLE_ROOT_INSPECT_SUMMARY,
    BAKEN_BUNDLE_ROOT_INSPECT_DESCRIPTION,
    baken_bundle_run_root_inspect,
  },
  {
    "import-hsds",
    BAKEN_BUNDLE_IMPORT_HSDS_PARAMETERS,
    BAKEN_BUNDLE_IMPORT_HSDS_SUMMARY,
    BAKEN_BUNDLE_IMPORT_HSDS_DESCRIPTION,
    baken_bundle_run_import_hsds,
  },
  {
    "diff",
    BAKEN_BUNDLE_DIFF_PARAMETERS,
    BAKEN_BUNDLE_DIFF_SUMMARY,
    BAKEN_BUNDLE_DIFF_DESCRIPTION,
    baken_bundle_run_diff,
  },
  {
    "export-hsds",
    BAKEN_BUNDLE_EXPORT_HSDS_PARAMETERS,
    BAKEN_BUNDLE_EXPORT_HSDS_SUMMARY,
    BAKEN_BUNDLE_EXPORT_HSDS_DESCRIPTION,
    baken_bundle_run_export_hsds,
  },
  {
    "slip",
    BAKEN_BUNDLE_SLIP_PARAMETERS,
    BAKEN_BUNDLE_SLIP_SUMMARY,
    BAKEN_BUNDLE_SLIP_DESCRIPTION,
    baken_bundle_run_slip,
  },
  {
    "translations",
    BAKEN_BUNDLE_TRANSLATIONS_PARAMETERS,
    BAKEN_BUNDLE_TRANSLATIONS_SUMMARY,
    BAKEN_BUNDLE_TRANSLATIONS_DESCRIPTION,
    baken_bundle_run_translations,
  },
};

static const Subcommand *
find_subcommand (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    if (strcmp (subcommands[i].name, name) == 0)
      return &subcommands[i];

  return NULL;
}

static void
print_help (FILE *out)
{
  fprintf (out,
           "Usage:\n"
           "  baken-bundle COMMAND [OPTION…] [ARGUMENT…]\n"
           "\n"
           "Build and publish content for Baken kiosks.\n"
           "\n"
           "Commands:\n");
  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    fprintf (out, "  %-10s %s\n", subcommands[i].name, subcommands[i].summary);
  fprintf (out,
           "  %-10s %s\n"
           "\n"
           "Options:\n"
           "  -h, --help   Show this help\n"
           "  --version    Show the version of baken-bundle\n"
           "\n"
           "Run 'baken-bundle COMMAND --help' for the arguments and options of a command.\n"
           "\n"
           "Exit status: 0 on success, 1 when the content or the output has a problem,\n"
           "2 on wrong usage.\n",
           "help", "Show the help of a command");
}

/* A GOptionContext for one subcommand, with its synopsis, summary and description. */
static GOptionContext *
subcommand_context (const Subcommand   *sub,
                    const GOptionEntry *entries)
{
  return baken_bundle_cli_context_new (sub->name, sub->parameters, sub->summary,
                                       sub->description, entries);
}

static gboolean
is_iso8601 (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (text, utc);

  return parsed != NULL;
}

/* Prints "SRC/FILE:LINE:COL: error: MESSAGE" for a "FILE:LINE:COL: MESSAGE" problem. */
static void
print_problem (const char *src,
               const char *problem)
{
  const char *p = problem;
  guint colons = 0;

  /* The position ends at the third ':' that is followed by a space. */
  while (*p != '\0' && colons < 3)
    {
      if (*p == ':' && (colons < 2 || p[1] == ' '))
        colons++;
      p++;
    }

  if (colons == 3 && *p == ' ')
    {
      g_autofree char *position = g_strndup (problem, p - problem);
      g_autofree char *path = g_build_filename (src, position, NULL);

      fprintf (stderr, "%s error:%s\n", path, p);
    }
  else
    {
      fprintf (stderr, "%s: error: %s\n", src, problem);
    }
}

static int
run_build (int    argc,
           char **argv)
{
  const Subcommand *sub = find_subcommand ("build");
  g_autofree char *serial_text = NULL;
  g_autofree char *created = NULL;
  g_autofree char *expires = NULL;
  g_autofree char *pubkey = NULL;
  int valid_days = 0;
  int root_version = 0;
  gboolean bundle;
  const GOptionEntry entries[] = {
    { "serial", 0, 0, G_OPTION_ARG_STRING, &serial_text,
      "Serial number, rising with every publication (default: from --created)", "N" },
    { "created", 0, 0, G_OPTION_ARG_STRING, &created,
      "Creation time, ISO 8601 (default: now)", "TIME" },
    { "expires", 0, 0, G_OPTION_ARG_STRING, &expires,
      "When the content goes out of date, ISO 8601 (default: never for a DB, "
      "--valid-days for a bundle)", "TIME" },
    { "valid-days", 0, 0, G_OPTION_ARG_INT, &valid_days,
      "Bundle: expire D days after creation (default: 90)", "D" },
    { "pubkey", 0, 0, G_OPTION_ARG_STRING, &pubkey,
      "Bundle: the public key that will sign it (file or \"RW…\")", "KEY" },
    { "root-version", 0, 0, G_OPTION_ARG_INT, &root_version,
      "Bundle: the version of the root keys document it is signed under (default: none)",
      "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = subcommand_context (sub, entries);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  BakenBuildOptions options = { 0, };

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return baken_bundle_cli_usage_error (sub->name, "%s", error->message);

  if (argc != 3)
    return baken_bundle_cli_usage_error (sub->name, argc < 3 ?
                                         "SRC and OUT are required (OUT: a bundle folder, or a "
                                         ".sqlite file)"
                                         : "too many arguments; give SRC and OUT only");

  if (serial_text != NULL &&
      (!g_ascii_string_to_unsigned (serial_text, 10, 1, G_MAXUINT64, &options.serial, NULL)))
    return baken_bundle_cli_usage_error (sub->name, "--serial \"%s\" is not a whole number above 0",
                                         serial_text);
  if (created != NULL && !is_iso8601 (created))
    return baken_bundle_cli_usage_error (sub->name,
                                         "--created \"%s\" is not an ISO 8601 time such as "
                                         "2025-03-01T08:00:00Z", created);
  if (expires != NULL && !is_iso8601 (expires))
    return baken_bundle_cli_usage_error (sub->name,
                                         "--expires \"%s\" is not an ISO 8601 time such as "
                                         "2025-06-01T00:00:00Z", expires);
  options.created = created;
  options.expires = expires;

  bundle = !g_str_has_suffix (argv[2], ".sqlite");
  if (bundle && serial_text == NULL)
    return baken_bundle_cli_usage_error (sub->name, "a bundle (OUTDIR) needs --serial N");
  if (bundle && options.serial > G_MAXINT64)
    return baken_bundle_cli_usage_error (sub->name, "--serial of a bundle is at most %"
                                         G_GINT64_FORMAT, G_MAXINT64);
  if (bundle && expires != NULL && valid_days != 0)
    return baken_bundle_cli_usage_error (sub->name, "give --expires or --valid-days, not both");
  if (valid_days < 0 || valid_days > 3660)
    return baken_bundle_cli_usage_error (sub->name, "--valid-days must be from 1 to 3660");
  if (!bundle && (valid_days != 0 || pubkey != NULL || root_version != 0))
    return baken_bundle_cli_usage_error (sub->name,
                                         "--valid-days, --pubkey and --root-version are for a "
                                         "bundle (OUTDIR), not for a single .sqlite file");
  if (root_version < 0)
    return baken_bundle_cli_usage_error (sub->name, "--root-version must be 1 or more");
  options.root_version = (guint) root_version;

  if (bundle ? !baken_bundle_build_bundle (argv[1], argv[2], &options, (guint) valid_days,
                                           pubkey, problems, &error)
             : !baken_content_build (argv[1], argv[2], &options, problems, &error))
    {
      for (guint i = 0; i < problems->len; i++)
        print_problem (argv[1], g_ptr_array_index (problems, i));
      fprintf (stderr, "baken-bundle build: %s\n", error->message);
      return EXIT_PROBLEMS;
    }

  if (bundle)
    printf ("baken-bundle build: wrote the bundle %s (content-%" G_GUINT64_FORMAT ".sqlite and "
            "manifest.json); sign it with baken-bundle sign %s --key KEY\n",
            argv[2], options.serial, argv[2]);
  else
    printf ("baken-bundle build: wrote %s\n", argv[2]);
  return EXIT_OK;
}

int
main (int   argc,
      char *argv[])
{
  const Subcommand *sub;

  setlocale (LC_ALL, "");
  g_set_prgname ("baken-bundle");

  if (argc < 2)
    {
      print_help (stderr);
      return EXIT_USAGE;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 ||
      strcmp (argv[1], "-?") == 0)
    {
      print_help (stdout);
      return EXIT_OK;
    }

  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("baken-bundle %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }

  if (strcmp (argv[1], "help") == 0)
    {
      char *help_argv[3];

      if (argc < 3)
        {
          print_help (stdout);
          return EXIT_OK;
        }
      sub = find_subcommand (argv[2]);
      if (sub == NULL)
        {
          fprintf (stderr, "baken-bundle: unknown command \"%s\"; see 'baken-bundle --help'\n",
                   argv[2]);
          return EXIT_USAGE;
        }
      help_argv[0] = argv[2];
      help_argv[1] = (char *) "--help";
      help_argv[2] = NULL;
      return sub->run (2, help_argv);
    }

  sub = find_subcommand (argv[1]);
  if (sub == NULL)
    {
      fprintf (stderr, "baken-bundle: unknown command \"%s\"; see 'baken-bundle --help'\n",
               argv[1]);
      return EXIT_USAGE;
    }

  return sub->run (argc - 1, argv + 1);
}
