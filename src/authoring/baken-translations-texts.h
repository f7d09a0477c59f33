/* baken-translations-texts.h: the texts of a content source a translator works on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For baken-translations.c (statistics, export) and baken-translations-import.c.
 */
#pragma once

#include <glib.h>

#include "baken-content-source.h"

G_BEGIN_DECLS

/* One Dutch text that translations.csv may translate. */
typedef struct
{
  BakenSourceTable  table;
  guint             row;
  guint             column;
  char             *id;        /* the record's id ("EVENT/SERVICE" for life_event_service) */
  const char       *resource;  /* "service": translations.csv's table */
  const char       *field;     /* "description": translations.csv's field */
  const char       *dutch;     /* never blank */
} BakenTranslatableText;

/* Every non-blank Dutch text of the source, in the order a translator reads them: life
 * events and their services' notes, organisations, services with what to bring, phones
 * and channels, locations with their accessibility, exceptions; in each table in file
 * order. (element-type BakenTranslatableText) */
GPtrArray  *baken_translatable_texts        (BakenContentSource          *source);

/* "TABLE:ID:FIELD", the msgctxt of a text. */
char       *baken_translatable_context      (const BakenTranslatableText *text);
/* A short note for the translator about what the text is (in Dutch, like the texts). */
const char *baken_translatable_hint         (const BakenTranslatableText *text);

/* Whether lang is a language code translations.csv takes (2 or 3 lower-case letters)
 * other than "nl". */
gboolean    baken_translatable_lang_is_valid (const char                 *lang);

/* The source's problems as one message for an error: "N problems; …". NULL when none. */
char       *baken_translatable_source_problems (BakenContentSource       *source);

G_END_DECLS
