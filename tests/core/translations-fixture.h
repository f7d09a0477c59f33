/* translations-fixture.h: copies of a content source to translate, for
 * test-translations.c and test-translations-source.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "baken-content-source.h"
#include "baken-po.h"
#include "baken-translations.h"

G_BEGIN_DECLS

typedef struct
{
  char *tmp;
  char *src;    /* a copy of the source */
} Fixture;

/* A copy of data/demo (every language, with source hashes) or of tests/data/build
 * (little translated, no source hashes) in a new temporary folder. */
void                fixture_demo      (Fixture       *f,
                                       gconstpointer  data);
void                fixture_build     (Fixture       *f,
                                       gconstpointer  data);
void                fixture_teardown  (Fixture       *f,
                                       gconstpointer  data);

char               *tmp_file          (Fixture       *f,
                                       const char    *name);
char               *read_file         (const char    *dir,
                                       const char    *name);
BakenContentSource *load              (Fixture       *f);
/* Exports lang to f->tmp/LANG.po; returns its path. */
char               *export            (Fixture       *f,
                                       const char    *lang);
void                import            (Fixture                 *f,
                                       const char              *po,
                                       BakenTranslationsImport *result);
/* Every .csv and .json file of the source, name → contents. */
GHashTable         *snapshot          (Fixture       *f);
void                assert_unchanged  (Fixture       *f,
                                       GHashTable    *before);
/* msgfmt -c accepts po without a word. */
void                msgfmt_check      (const char    *po);
BakenPoFile        *read_po           (const char    *path);
BakenPoEntry       *find_entry        (BakenPoFile   *file,
                                       const char    *context);
/* Replaces the one occurrence of old in the file by new. */
void                replace_in        (const char    *dir,
                                       const char    *name,
                                       const char    *old,
                                       const char    *new);

G_END_DECLS
