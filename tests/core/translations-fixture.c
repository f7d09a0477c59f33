/* translations-fixture.c: copies of a content source to translate, for
 * test-translations.c and test-translations-source.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "translations-fixture.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "test-util.h"

static void
copy_tree (const char *from,
           const char *to)
{
  g_autoptr(GDir) dir = g_dir_open (from, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  g_assert_cmpint (g_mkdir_with_parents (to, 0755), ==, 0);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *src = g_build_filename (from, name, NULL);
      g_autofree char *dst = g_build_filename (to, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (g_file_test (src, G_FILE_TEST_IS_DIR))
        {
          copy_tree (src, dst);
          continue;
        }
      g_assert_true (g_file_get_contents (src, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (dst, contents, length, NULL));
    }
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
setup (Fixture    *f,
       const char *source)
{
  f->tmp = g_dir_make_tmp ("baken-translations-XXXXXX", NULL);
  g_assert_nonnull (f->tmp);
  f->src = g_build_filename (f->tmp, "src", NULL);
  copy_tree (source, f->src);
}

void
fixture_demo (Fixture       *f,
              gconstpointer  data)
{
  const char *demo = g_getenv ("BAKEN_DEMO_SOURCE");
  g_autofree char *fallback = g_test_build_filename (G_TEST_DIST, "..", "data", "demo", NULL);

  setup (f, demo != NULL ? demo : fallback);
}

void
fixture_build (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *build = g_test_build_filename (G_TEST_DIST, "data", "build", NULL);

  setup (f, build);
}

void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  remove_tree (f->tmp);
  g_free (f->src);
  g_free (f->tmp);
}

char *
tmp_file (Fixture    *f,
          const char *name)
{
  return g_build_filename (f->tmp, name, NULL);
}

char *
read_file (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

BakenContentSource *
load (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  BakenContentSource *source = baken_content_source_load (f->src, &error);

  g_assert_no_error (error);
  return source;
}

/* Exports lang to f->tmp/LANG.po; returns its path. */
char *
export (Fixture    *f,
        const char *lang)
{
  g_autoptr(BakenContentSource) source = load (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("%s.po", lang);
  char *path = tmp_file (f, name);
  BakenTranslationsExport result;

  g_assert_true (baken_translations_export (source, lang, path, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.skipped->len, ==, 0);
  baken_translations_export_clear (&result);

  return path;
}

void
import (Fixture                 *f,
        const char              *po,
        BakenTranslationsImport *result)
{
  g_autoptr(BakenContentSource) source = load (f);
  g_autoptr(GError) error = NULL;

  g_assert_true (baken_translations_import (source, po, FALSE, result, &error));
  g_assert_no_error (error);
}

/* Every file of the source, name → contents. */
GHashTable *
snapshot (Fixture *f)
{
  GHashTable *files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GDir) dir = g_dir_open (f->src, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".csv") || g_str_has_suffix (name, ".json"))
      g_hash_table_insert (files, g_strdup (name), read_file (f->src, name));

  return files;
}

void
assert_unchanged (Fixture    *f,
                  GHashTable *before)
{
  g_autoptr(GHashTable) after = snapshot (f);
  GHashTableIter iter;
  gpointer name, contents;

  g_assert_cmpuint (g_hash_table_size (after), ==, g_hash_table_size (before));
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &name, &contents))
    g_assert_cmpstr (g_hash_table_lookup (after, name), ==, contents);
}

void
msgfmt_check (const char *po)
{
  const char *argv[] = { "/usr/bin/msgfmt", "-c", "-o", "/dev/null", po, NULL };
  g_autofree char *output = NULL;

  g_assert_cmpint (baken_test_run_with_input (argv, NULL, TRUE, NULL, &output), ==, 0);
  g_assert_cmpstr (output, ==, "");
}

/* The entry of msgctxt in a PO file read back. */
BakenPoEntry *
find_entry (BakenPoFile *file,
            const char  *context)
{
  for (guint i = 0; i < file->entries->len; i++)
    {
      BakenPoEntry *entry = g_ptr_array_index (file->entries, i);

      if (g_strcmp0 (entry->context, context) == 0)
        return entry;
    }

  g_error ("no entry %s", context);
}

BakenPoFile *
read_po (const char *path)
{
  g_autoptr(GError) error = NULL;
  BakenPoFile *file = baken_po_read (path, &error);

  g_assert_no_error (error);
  return file;
}

/* Replaces the one occurrence of old in the file by new. */
void
replace_in (const char *dir,
            const char *name,
            const char *old,
            const char *new)
{
  g_autofree char *contents = read_file (dir, name);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char *hit = strstr (contents, old);
  g_autoptr(GString) changed = NULL;

  g_assert_nonnull (hit);
  g_assert_null (strstr (hit + 1, old));
  changed = g_string_new_len (contents, hit - contents);
  g_string_append (changed, new);
  g_string_append (changed, hit + strlen (old));
  g_assert_true (g_file_set_contents (path, changed->str, changed->len, NULL));
}

