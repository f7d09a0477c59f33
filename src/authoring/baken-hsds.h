/* baken-hsds.h: exchange content with other systems as HSDS 3.0 tabular packages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export writes a content source (docs/content-format.md) as an HSDS 3.0.0 tabular data
 * package: the HSDS tables, with the official resource definitions (field names, types,
 * formats, constraints) copied from the HSDS datapackage.json that ships in the core
 * GResource (/nl/baken/authoring/hsds/, CC BY-SA 4.0, © Open Referral; see its README.md).
 * Import reads an HSDS 3.0 tabular package into a content source folder that
 * `baken-bundle build` accepts.
 *
 * Neither is lossless, and both say what they leave out: every such decision is a note,
 * "FILE[:LINE]: MESSAGE", appended to the notes array (FILE relative to the folder read).
 * Problems that stop the work are "FILE:LINE:COLUMN: MESSAGE" strings in problems; then
 * nothing is written. The output is written to OUT.tmp-XXXXXX next to OUT and renamed
 * into place at the end; OUT must not exist or be an empty folder.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BAKEN_HSDS_ERROR (baken_hsds_error_quark ())

typedef enum {
  BAKEN_HSDS_ERROR_SOURCE,   /* the content source to export has problems */
  BAKEN_HSDS_ERROR_PACKAGE,  /* the HSDS package to import is not valid */
  BAKEN_HSDS_ERROR_WRITE,    /* the output cannot be written */
  BAKEN_HSDS_ERROR_FETCH,    /* an HSDS API cannot be read */
} BakenHsdsError;

/* The namespace of the ids export makes: UUIDv5 (RFC 4122) of "RESOURCE/ID". */
#define BAKEN_HSDS_NAMESPACE "2cc75d54-7b0c-45aa-8443-b879b08b2469"

typedef struct
{
  gboolean keep_ids;       /* write our ids instead of UUIDs (not HSDS's uuid format) */
  gboolean include_staff;  /* also export staff-only phones */
} BakenHsdsExportOptions;

GQuark    baken_hsds_error_quark (void);

/* The UUIDv5 export gives the record id of resource ("service", "phone", …). */
char     *baken_hsds_uuid        (const char                   *resource,
                                  const char                   *id);

/* The official HSDS 3.0.0 datapackage.json (from the core GResource). */
GBytes   *baken_hsds_get_schema  (void);

/* Writes the content source src_dir as an HSDS package in the folder out_dir. Fails
 * (BAKEN_HSDS_ERROR_SOURCE, the source's problems appended to problems) when the source
 * does not build. */
gboolean  baken_hsds_export      (const char                   *src_dir,
                                  const char                   *out_dir,
                                  const BakenHsdsExportOptions *options,
                                  GPtrArray                    *notes,
                                  GPtrArray                    *problems,
                                  GError                      **error);

typedef struct
{
  gboolean    strict;      /* a dropped value or a record left out stops the import */
  const char *url;         /* (nullable) read this HSDS API instead of a path */
  guint       timeout_s;   /* for all of the API's pages; 0: BAKEN_HSDS_API_TIMEOUT_S */
  const char *menu;        /* (nullable) a content source whose menu (life_events.csv,
                            * taxonomy_menu.csv, synonyms, icons) the services fill */
  const char *into;        /* (nullable) update this content source (its menu and what the
                            * editor added stay); out_dir is then NULL */
} BakenHsdsImportOptions;

/* How long reading an API may take, by default. */
#define BAKEN_HSDS_API_TIMEOUT_S 600

/* What an import says (each array is owned and never NULL). */
typedef struct
{
  GPtrArray *notes;        /* what Baken does not keep: "FILE[:LINE]: MESSAGE" */
  GPtrArray *warnings;     /* values dropped, their record kept: "FILE:LINE:COLUMN: MESSAGE" */
  GPtrArray *errors;       /* records left out: "FILE:LINE:COLUMN: MESSAGE" */
  GPtrArray *problems;     /* what stopped the import (then nothing is written) */
  GPtrArray *unplaced;     /* with a menu: services no life event lists, "ID: NAME (TERMS)" */
  GPtrArray *menu_notes;   /* with a menu: about its files, "FILE[:LINE]: MESSAGE" */
  GPtrArray *conflicts;    /* with --into: where the editor and the social map disagree */
  guint      n_services;   /* services written */
} BakenHsdsImportReport;

BakenHsdsImportReport *baken_hsds_import_report_new  (void);
void                   baken_hsds_import_report_free (BakenHsdsImportReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenHsdsImportReport, baken_hsds_import_report_free)

/* Reads the HSDS package in the folder path (datapackage.json and its CSV files, or the
 * standard HSDS file names when there is no datapackage.json) and writes a content
 * source to out_dir, with one life event "Alle diensten" that lists every service.
 *
 * Tolerant unless options->strict: an optional value that is not of its HSDS type, out of
 * range, a reference that leads nowhere, or a value Baken cannot take is dropped (a
 * warning) and its record kept; a record without a value HSDS or Baken requires, with a
 * required value that is wrong, or that needs a record that was left out is left out (an
 * error). Fails (BAKEN_HSDS_ERROR_PACKAGE, positions in report->problems) when the
 * package cannot be read at all, has no organisations or services, or no service is
 * left; with strict also at any warning or error. options may be NULL. */
gboolean  baken_hsds_import      (const char                   *path,
                                  const char                   *out_dir,
                                  const BakenHsdsImportOptions *options,
                                  BakenHsdsImportReport        *report,
                                  GError                      **error);

G_END_DECLS
