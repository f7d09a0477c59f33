/* test-inspect.c: tests for baken-bundle inspect (baken_inspect)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds tests/data/build into a content DB and checks the lines of the summary: of the
 * DB file, of a bundle folder with a manifest, and of a folder without one.
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <gio/gio.h>

#include "baken-content-build.h"
#include "baken-content.h"
#include "baken-inspect.h"
#include "baken-manifest.h"

#define TODAY "2025-06-01"

typedef struct
{
  char *tmp;
  char *db;      /* tmp/content-5.sqlite */
} Fixture;

static void
build (const char *src,
       const char *out)
{
  BakenBuildOptions options = { 5, "2025-03-01T08:00:00Z", "2025-06-01T00:00:00Z" };
  g_autoptr(GError) error = NULL;

  g_assert_true (baken_content_build (src, out, &options, NULL, &error));
  g_assert_no_error (error);
}

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
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_unlink (path);
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_rmdir (path);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "build", NULL);

  f->tmp = g_dir_make_tmp ("baken-inspect-XXXXXX", NULL);
  g_assert_nonnull (f->tmp);
  f->db = g_build_filename (f->tmp, "content-5.sqlite", NULL);
  build (good, f->db);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->tmp);
  g_free (f->tmp);
  g_free (f->db);
}

static char *
inspect (const char *path,
         guint       max_age)
{
  BakenInspectOptions options = { TODAY, max_age, 3 };
  g_autoptr(GError) error = NULL;
  char *text = baken_inspect (path, &options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  g_test_message ("%s", text);
  return text;
}

static void
assert_line (const char *text,
             const char *line)
{
  g_autofree char *needle = g_strdup_printf ("\n%s\n", line);
  g_autofree char *padded = g_strdup_printf ("\n%s", text);

  if (strstr (padded, needle) == NULL)
    g_error ("line \"%s\" is missing from:\n%s", line, text);
}

static void
test_db (Fixture       *f,
         gconstpointer  data)
{
  g_autofree char *text = inspect (f->db, 100);
  g_autofree char *file_line = g_strdup_printf ("Content DB: %s (no manifest)", f->db);

  assert_line (text, file_line);
  assert_line (text, "Serial: 5");
  assert_line (text, "Created: 2025-03-01T08:00:00Z");
  assert_line (text, "Expires: 2025-06-01T00:00:00Z");
  assert_line (text, "Key id: none (no manifest)");
  assert_line (text, "Schema version: " G_STRINGIFY (BAKEN_SCHEMA_VERSION));
  assert_line (text, "Publisher: Gemeente Teststad");
  assert_line (text, "Languages: nl en");
  /* Counts per table and per language. */
  assert_line (text, "  service              4");
  assert_line (text, "  channel              11");
  assert_line (text, "  schedule             4");
  assert_line (text, "                           nl     en");
  assert_line (text, "  life_event                3      1");
  assert_line (text, "  service                   4      1");
  /* Missing translations: count and the first 3 ids. */
  assert_line (text, "  en: 45 texts in 27 records fall back to Dutch");
  assert_line (text, "    life_event: 3 records (le-geld, le-inkomen, le-schulden)");
  assert_line (text, "    channel: 11 records (ch-afspraak, ch-balie, ch-chat, …)");
  /* Findings. */
  assert_line (text, "Active services without a public channel: 0");
  assert_line (text, "Services last checked more than 100 days ago: 1");
  assert_line (text, "  svc-schuldhulp (assured_date 2025-01-15)");
  assert_line (text, "Services never checked (no assured_date): 3");
  assert_line (text, "  svc-bijstand, svc-formulieren, svc-huurtoeslag");
}

static void
test_max_age (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *text = inspect (f->db, 0);

  assert_line (text, "Services last checked more than 365 days ago: 0");
}

static void
test_bundle (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(BakenManifest) manifest = baken_manifest_new ();
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *manifest_path = g_build_filename (f->tmp, "manifest.json", NULL);
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length;

  manifest->format = BAKEN_MANIFEST_FORMAT;
  manifest->serial = 5;
  manifest->created = g_date_time_new_from_iso8601 ("2025-03-01T08:00:00Z", utc);
  manifest->expires = g_date_time_new_from_iso8601 ("2025-06-01T00:00:00Z", utc);
  manifest->key_id = g_strdup ("9AEC8527F46BB478");
  manifest->min_app_version = g_strdup ("0.1.0");
  manifest->schema_version = 1;
  baken_manifest_add_file (manifest, "content-5.sqlite", 1,
                           "0000000000000000000000000000000000000000000000000000000000000000");
  json = baken_manifest_to_data (manifest, &length, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (manifest_path, json, length, NULL));

  text = inspect (f->tmp, 0);
  assert_line (text, "Serial: 5");
  assert_line (text, "Created: 2025-03-01T08:00:00Z");
  assert_line (text, "Expires: 2025-06-01T00:00:00Z");
  assert_line (text, "Key id: 9AEC8527F46BB478");
  assert_line (text, "Minimum app version: 0.1.0");
  assert_line (text, "Active services without a public channel: 0");

  /* A manifest whose serial differs from the DB is pointed out. */
  manifest->serial = 6;
  g_clear_pointer (&json, g_free);
  json = baken_manifest_to_data (manifest, &length, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (manifest_path, json, length, NULL));
  g_clear_pointer (&text, g_free);
  text = inspect (f->tmp, 0);
  assert_line (text, "Serial: 6 (the content DB says otherwise!)");
}

static void
test_folder_without_manifest (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *text = inspect (f->tmp, 0);

  assert_line (text, "Serial: 5");
  assert_line (text, "Key id: none (no manifest)");
}

/* An admin types a path relative to where they stand. */
static void
test_relative_path (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *text = NULL;

  g_assert_cmpint (g_chdir (f->tmp), ==, 0);
  text = inspect ("content-5.sqlite", 0);
  g_assert_cmpint (g_chdir (cwd), ==, 0);
  assert_line (text, "Serial: 5");
  assert_line (text, "Publisher: Gemeente Teststad");
}

static void
test_no_public_channel (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "build", NULL);
  g_autofree char *src = g_build_filename (f->tmp, "src", NULL);
  g_autofree char *db = g_build_filename (f->tmp, "staff.sqlite", NULL);
  g_autofree char *text = NULL;

  copy_tree (good, src);

  /* svc-bijstand: both of its channels only for staff. */
  {
    g_autofree char *path = g_build_filename (src, "phones.csv", NULL);
    g_autofree char *contents = NULL;
    g_autoptr(GString) s = NULL;

    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    s = g_string_new (contents);
    g_assert_cmpuint (g_string_replace (s, "14 030,Bel de gemeente,,", "14 030,Bel de gemeente,staff,", 1), ==, 1);
    g_assert_true (g_file_set_contents (path, s->str, -1, NULL));
  }
  {
    g_autofree char *path = g_build_filename (src, "channels.csv", NULL);
    g_autofree char *contents = NULL;
    g_autoptr(GString) s = NULL;

    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    s = g_string_new (contents);
    g_assert_cmpuint (g_string_replace (s, "Mail ons,,,", "Mail ons,staff,,", 1), ==, 1);
    g_assert_true (g_file_set_contents (path, s->str, -1, NULL));
  }

  build (src, db);
  text = inspect (db, 0);
  assert_line (text, "Active services without a public channel: 1");
  assert_line (text, "  svc-bijstand");
}

/* What public holidays do to the hours. */
static void
test_holidays (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "build", NULL);
  g_autofree char *src = g_build_filename (f->tmp, "src", NULL);
  g_autofree char *db = g_build_filename (f->tmp, "holidays.sqlite", NULL);
  g_autofree char *path = g_build_filename (src, "schedules.csv", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autofree char *quiet = NULL;
  g_autoptr(GString) s = NULL;

  /* The fixture says nothing about holidays. */
  quiet = inspect (f->db, 0);
  assert_line (quiet, "Hours that hold on public holidays (PH): 0");
  assert_line (quiet, "Hours for public holidays only: 0");
  assert_line (quiet, "Open day and night, but closed on public holidays: 0");

  copy_tree (good, src);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  s = g_string_new (contents);
  /* svc-bijstand open day and night, silent about holidays; the phone keeps its
   * morning hours on holidays and has its own afternoon hours then. */
  g_assert_cmpuint (g_string_replace (s, "svc-bijstand,,08:30,24:00", "svc-bijstand,,00:00,24:00", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (s, "sch-1,ph-schuldhulp,,,\"MO,TU,TH,FR\"",
                                      "sch-1,ph-schuldhulp,,,\"MO,TU,TH,FR,PH\"", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (s, "sch-2,ph-schuldhulp,,,\"MO,TU,TH,FR\"",
                                      "sch-2,ph-schuldhulp,,,PH", 1), ==, 1);
  g_assert_true (g_file_set_contents (path, s->str, -1, NULL));

  build (src, db);
  text = inspect (db, 0);
  assert_line (text, "Hours that hold on public holidays (PH): 1");
  assert_line (text, "Hours for public holidays only: 1");
  assert_line (text, "  ph-schuldhulp");
  assert_line (text, "Open day and night, but closed on public holidays: 1");
  assert_line (text, "  svc-bijstand");
}

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->tmp, "nothing.sqlite", NULL);
  g_autofree char *garbage = g_build_filename (f->tmp, "garbage.sqlite", NULL);
  g_autofree char *empty = g_build_filename (f->tmp, "empty", NULL);
  BakenInspectOptions bad_today = { "2025-13-01", 0, 0 };
  g_autoptr(GError) error = NULL;
  char *text;

  text = baken_inspect (missing, NULL, &error);
  g_assert_null (text);
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (garbage, "not a database", -1, NULL));
  text = baken_inspect (garbage, NULL, &error);
  g_assert_null (text);
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir (empty, 0755), ==, 0);
  text = baken_inspect (empty, NULL, &error);
  g_assert_null (text);
  g_assert_nonnull (strstr (error->message, "no manifest.json and no content-SERIAL.sqlite"));
  g_clear_error (&error);
  g_rmdir (empty);

  text = baken_inspect (f->db, &bad_today, &error);
  g_assert_null (text);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/core/inspect/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("db", test_db);
  ADD ("max-age", test_max_age);
  ADD ("bundle", test_bundle);
  ADD ("folder-without-manifest", test_folder_without_manifest);
  ADD ("relative-path", test_relative_path);
  ADD ("no-public-channel", test_no_public_channel);
  ADD ("holidays", test_holidays);
  ADD ("errors", test_errors);

#undef ADD

  return g_test_run ();
}
