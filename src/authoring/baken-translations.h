/* baken-translations.h: content texts out to a translator and back (gettext PO)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `baken-bundle translations export` writes every translatable text of a content source
 * (life events, their services' notes, organisations, services, what to bring, phones,
 * channels, locations, accessibility, exceptions: the fields translations.csv takes) as
 * a PO file for one language: the Dutch as msgid, "TABLE:ID:FIELD" as msgctxt (the three
 * first columns of translations.csv), the translation as msgstr, and "#, fuzzy" when the
 * Dutch changed after the translation was made (its source_hash is not the hash of
 * today's Dutch text). `import` writes every translated, non-fuzzy entry back into
 * translations.csv with the hash of the Dutch it translates; an entry whose Dutch or
 * record changed since the export is a conflict and is left out.
 */
#pragma once

#include <glib.h>

#include "baken-content-source.h"

G_BEGIN_DECLS

/* How far one language is. */
typedef struct
{
  char  *lang;
  guint  n_texts;        /* Dutch texts that can be translated */
  guint  n_translated;   /* of them, with a translation (fuzzy ones included) */
  guint  n_fuzzy;        /* translations made from another Dutch text than today's */
  guint  n_unstamped;    /* translations without a source_hash (taken as up to date) */
} BakenTranslationStats;

void       baken_translation_stats_free (BakenTranslationStats *stats);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenTranslationStats, baken_translation_stats_free)

/* One BakenTranslationStats per language of the source but Dutch, sorted. */
GPtrArray *baken_translations_stats     (BakenContentSource  *source);

typedef struct
{
  guint      n_entries;     /* entries written */
  guint      n_translated;  /* with a translation that is up to date */
  guint      n_fuzzy;       /* with a translation marked fuzzy */
  GPtrArray *skipped;       /* (owned) "FILE:LINE: why" for each text left out */
} BakenTranslationsExport;

/* Writes the texts of source for lang (not "nl") to the PO file out_path. The source
 * must have no problems. FALSE with error when it has, lang is not a language code, or
 * out_path cannot be written. */
gboolean   baken_translations_export    (BakenContentSource       *source,
                                         const char               *lang,
                                         const char               *out_path,
                                         BakenTranslationsExport  *result,
                                         GError                  **error);
void       baken_translations_export_clear (BakenTranslationsExport *result);

typedef struct
{
  char      *lang;          /* the PO file's Language */
  guint      n_entries;     /* entries read */
  guint      n_new;         /* translations added */
  guint      n_changed;     /* translations or source hashes changed */
  guint      n_unchanged;
  guint      n_fuzzy;       /* entries left out: fuzzy */
  guint      n_empty;       /* entries left out: not translated */
  GPtrArray *conflicts;     /* (owned) "PO:LINE: what and what to do", not imported */
  gboolean   written;       /* translations.csv (and datapackage.json) changed */
} BakenTranslationsImport;

/* Reads the PO file po_path and writes its translations into the source's
 * translations.csv (nothing when dry_run, or when nothing changes). FALSE with error,
 * and nothing written, when the source has problems or po_path is not a PO file of this
 * tool ("PO:LINE: …"). */
gboolean   baken_translations_import    (BakenContentSource       *source,
                                         const char               *po_path,
                                         gboolean                  dry_run,
                                         BakenTranslationsImport  *result,
                                         GError                  **error);
void       baken_translations_import_clear (BakenTranslationsImport *result);

G_END_DECLS
