/* test-manifest.c: tests for the strict manifest.json parser and writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib.h>

#include "baken-manifest.h"

#define SHA "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

static const char good[] =
  "{\n"
  "  \"format\": 1,\n"
  "  \"serial\": 42,\n"
  "  \"created\": \"2026-11-01T08:00:00Z\",\n"
  "  \"expires\": \"2027-02-01T08:00:00Z\",\n"
  "  \"key_id\": \"9AEC8527F46BB478\",\n"
  "  \"min_app_version\": \"0.1.0\",\n"
  "  \"schema_version\": 1,\n"
  "  \"files\": [\n"
  "    { \"name\": \"content-42.sqlite\", \"size\": 12345, \"sha256\": \"" SHA "\" }\n"
  "  ]\n"
  "}\n";

/* good[] with one piece of text replaced. */
static char *
variant (const char *from,
         const char *to)
{
  const char *at = strstr (good, from);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - good), good, to, at + strlen (from));
}

static void
test_parse_good (void)
{
  g_autoptr(BakenManifest) manifest = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *created = NULL;
  const BakenManifestFile *file;

  manifest = baken_manifest_parse (good, strlen (good), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (manifest->format, ==, 1);
  g_assert_cmpuint (manifest->serial, ==, 42);
  created = baken_manifest_format_time (manifest->created);
  g_assert_cmpstr (created, ==, "2026-11-01T08:00:00Z");
  g_assert_cmpstr (manifest->key_id, ==, "9AEC8527F46BB478");
  g_assert_cmpstr (manifest->min_app_version, ==, "0.1.0");
  g_assert_cmpuint (manifest->schema_version, ==, 1);
  g_assert_cmpuint (manifest->files->len, ==, 1);
  file = baken_manifest_find_file (manifest, "content-42.sqlite");
  g_assert_nonnull (file);
  g_assert_cmpuint (file->size, ==, 12345);
  g_assert_cmpstr (file->sha256, ==, SHA);
}

static void
test_round_trip (void)
{
  g_autoptr(BakenManifest) manifest = baken_manifest_parse (good, strlen (good), NULL);
  g_autoptr(BakenManifest) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *again = NULL;
  gsize length;

  g_clear_pointer (&manifest->key_id, g_free);
  manifest->serial = G_MAXINT64;
  data = baken_manifest_to_data (manifest, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, strlen (data));
  g_assert_nonnull (strstr (data, "\"key_id\" : null"));
  g_assert_nonnull (strstr (data, "\"serial\" : 9223372036854775807"));

  back = baken_manifest_parse (data, length, &error);
  g_assert_no_error (error);
  g_assert_null (back->key_id);
  g_assert_cmpuint (back->serial, ==, G_MAXINT64);
  again = baken_manifest_to_data (back, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, data);
}

/* A manifest that names its root keys document version is format 2, read back the same;
 * one without stays format 1, which kiosks without root keys read. */
static void
test_root_version (void)
{
  g_autofree char *text = variant ("\"format\": 1,", "\"format\": 2, \"root_version\": 3,");
  g_autoptr(BakenManifest) manifest = NULL;
  g_autoptr(BakenManifest) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *plain = NULL;

  manifest = baken_manifest_parse (text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (manifest->format, ==, 2);
  g_assert_cmpuint (manifest->root_version, ==, 3);

  data = baken_manifest_to_data (manifest, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (data, "\"format\" : 2"));
  g_assert_nonnull (strstr (data, "\"root_version\" : 3"));
  back = baken_manifest_parse (data, strlen (data), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->root_version, ==, 3);

  back->root_version = 0;
  plain = baken_manifest_to_data (back, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (plain, "\"format\" : 1"));
  g_assert_null (strstr (plain, "root_version"));
}

typedef struct
{
  const char *name;
  const char *from;
  const char *to;
  int         code;
} BadManifest;

static const BadManifest bad_manifests[] = {
  { "format-3", "\"format\": 1", "\"format\": 3", BAKEN_MANIFEST_ERROR_FORMAT },
  /* Format 2 is format 1 with "root_version" (a root keys document version from 1). */
  { "format-2-no-root-version", "\"format\": 1", "\"format\": 2", BAKEN_MANIFEST_ERROR_INVALID },
  { "format-1-root-version", "\"format\": 1,", "\"format\": 1, \"root_version\": 2,", BAKEN_MANIFEST_ERROR_INVALID },
  { "root-version-zero", "\"format\": 1,", "\"format\": 2, \"root_version\": 0,", BAKEN_MANIFEST_ERROR_INVALID },
  { "root-version-string", "\"format\": 1,", "\"format\": 2, \"root_version\": \"2\",", BAKEN_MANIFEST_ERROR_INVALID },
  { "format-string", "\"format\": 1", "\"format\": \"1\"", BAKEN_MANIFEST_ERROR_FORMAT },
  { "format-missing", "\"format\": 1,", "", BAKEN_MANIFEST_ERROR_INVALID },
  { "unknown-member", "\"format\": 1,", "\"format\": 1, \"mirror\": \"x\",", BAKEN_MANIFEST_ERROR_INVALID },
  { "unknown-file-member", "\"size\": 12345,", "\"size\": 12345, \"mode\": 420,", BAKEN_MANIFEST_ERROR_INVALID },
  { "missing-expires", "\"expires\": \"2027-02-01T08:00:00Z\",", "", BAKEN_MANIFEST_ERROR_INVALID },
  { "duplicate-member", "\"serial\": 42,", "\"serial\": 42, \"serial\": 43,", BAKEN_MANIFEST_ERROR_SYNTAX },
  { "escaped-name", "\"serial\": 42,", "\"ser\\u0069al\": 42,", BAKEN_MANIFEST_ERROR_SYNTAX },
  { "comment", "\"serial\": 42,", "\"serial\": 42, /* x */", BAKEN_MANIFEST_ERROR_SYNTAX },
  { "single-quotes", "\"serial\": 42,", "'serial': 42,", BAKEN_MANIFEST_ERROR_SYNTAX },
  { "trailing-comma", "\"sha256\": \"" SHA "\" }", "\"sha256\": \"" SHA "\", }", BAKEN_MANIFEST_ERROR_SYNTAX },
  { "leading-zero", "\"serial\": 42", "\"serial\": 042", BAKEN_MANIFEST_ERROR_SYNTAX },
  { "hex-number", "\"serial\": 42", "\"serial\": 0x2a", BAKEN_MANIFEST_ERROR_SYNTAX },
  { "fraction", "\"serial\": 42", "\"serial\": 42.0", BAKEN_MANIFEST_ERROR_SYNTAX },
  { "overflow", "\"serial\": 42", "\"serial\": 18446744073709551616", BAKEN_MANIFEST_ERROR_SYNTAX },
  { "serial-above-int64", "\"serial\": 42", "\"serial\": 9223372036854775808", BAKEN_MANIFEST_ERROR_SYNTAX },
  { "serial-zero", "\"serial\": 42", "\"serial\": 0", BAKEN_MANIFEST_ERROR_INVALID },
  { "serial-negative", "\"serial\": 42", "\"serial\": -42", BAKEN_MANIFEST_ERROR_INVALID },
  { "serial-string", "\"serial\": 42", "\"serial\": \"42\"", BAKEN_MANIFEST_ERROR_INVALID },
  { "created-offset", "2026-11-01T08:00:00Z", "2026-11-01T08:00:00+01:00", BAKEN_MANIFEST_ERROR_INVALID },
  { "created-date-only", "2026-11-01T08:00:00Z", "2026-11-01", BAKEN_MANIFEST_ERROR_INVALID },
  { "created-impossible", "2026-11-01T08:00:00Z", "2026-02-30T08:00:00Z", BAKEN_MANIFEST_ERROR_INVALID },
  { "expires-before-created", "2027-02-01T08:00:00Z", "2026-10-01T08:00:00Z", BAKEN_MANIFEST_ERROR_INVALID },
  { "key-id-lower", "9AEC8527F46BB478", "9aec8527f46bb478", BAKEN_MANIFEST_ERROR_INVALID },
  { "key-id-short", "9AEC8527F46BB478", "9AEC", BAKEN_MANIFEST_ERROR_INVALID },
  { "version", "\"0.1.0\"", "\"latest\"", BAKEN_MANIFEST_ERROR_INVALID },
  { "no-files", "[\n    { \"name\": \"content-42.sqlite\", \"size\": 12345, \"sha256\": \"" SHA "\" }\n  ]", "[]", BAKEN_MANIFEST_ERROR_INVALID },
  { "file-path", "\"content-42.sqlite\"", "\"../content-42.sqlite\"", BAKEN_MANIFEST_ERROR_INVALID },
  { "file-hidden", "\"content-42.sqlite\"", "\".content\"", BAKEN_MANIFEST_ERROR_INVALID },
  { "file-slash", "\"content-42.sqlite\"", "\"a/b\"", BAKEN_MANIFEST_ERROR_INVALID },
  { "file-negative-size", "\"size\": 12345", "\"size\": -1", BAKEN_MANIFEST_ERROR_INVALID },
  { "sha-upper", SHA, "0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef", BAKEN_MANIFEST_ERROR_INVALID },
  { "sha-short", SHA, "0123", BAKEN_MANIFEST_ERROR_INVALID },
  { "file-twice", "\" }\n  ]", "\" },\n    { \"name\": \"content-42.sqlite\", \"size\": 1, \"sha256\": \"" SHA "\" }\n  ]", BAKEN_MANIFEST_ERROR_INVALID },
  { "not-object", "{\n  \"format\"", "[\n  \"format\"", BAKEN_MANIFEST_ERROR_SYNTAX },
  { "text-after", "}\n", "}\n{}", BAKEN_MANIFEST_ERROR_SYNTAX },
  { "control-char", "0.1.0", "0.1\t.0", BAKEN_MANIFEST_ERROR_SYNTAX },
  { "nul-escape", "\"0.1.0\"", "\"0.1.0\\u0000\"", BAKEN_MANIFEST_ERROR_SYNTAX },
  { "lone-surrogate", "\"0.1.0\"", "\"\\ud800\"", BAKEN_MANIFEST_ERROR_SYNTAX },
  { "invalid-utf8", "\"0.1.0\"", "\"0.1.0\xff\"", BAKEN_MANIFEST_ERROR_SYNTAX },
};

static void
test_parse_bad (gconstpointer data)
{
  const BadManifest *bad = data;
  g_autofree char *text = variant (bad->from, bad->to);
  g_autoptr(BakenManifest) manifest = NULL;
  g_autoptr(GError) error = NULL;

  manifest = baken_manifest_parse (text, strlen (text), &error);
  g_assert_error (error, BAKEN_MANIFEST_ERROR, bad->code);
  g_assert_null (manifest);
  g_test_message ("%s: %s", bad->name, error->message);
}

static void
test_too_large (void)
{
  g_autoptr(GString) text = g_string_new (good);
  g_autoptr(BakenManifest) manifest = NULL;
  g_autoptr(GError) error = NULL;

  while (text->len <= BAKEN_MANIFEST_MAX_SIZE)
    g_string_append_c (text, ' ');
  manifest = baken_manifest_parse (text->str, text->len, &error);
  g_assert_error (error, BAKEN_MANIFEST_ERROR, BAKEN_MANIFEST_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "at most"));
}

static void
test_too_deep (void)
{
  g_autoptr(GString) text = g_string_new ("{\"format\": 1, \"files\": ");
  g_autoptr(BakenManifest) manifest = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 10000; i++)
    g_string_append_c (text, '[');
  manifest = baken_manifest_parse (text->str, text->len, &error);
  g_assert_error (error, BAKEN_MANIFEST_ERROR, BAKEN_MANIFEST_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "nested too deeply"));
}

static void
test_syntax_position (void)
{
  g_autofree char *text = variant ("\"serial\": 42", "\"serial\": 042");
  g_autoptr(BakenManifest) manifest = NULL;
  g_autoptr(GError) error = NULL;

  manifest = baken_manifest_parse (text, strlen (text), &error);
  g_assert_error (error, BAKEN_MANIFEST_ERROR, BAKEN_MANIFEST_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, "manifest.json:3:13: "));
}

static void
test_early_year (void)
{
  /* Found by fuzz-manifest: a year before 1000 must be written with four digits. */
  g_autofree char *text = variant ("2026-11-01T08:00:00Z", "0644-11-01T08:00:00Z");
  g_autoptr(BakenManifest) manifest = baken_manifest_parse (text, strlen (text), NULL);
  g_autoptr(BakenManifest) back = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (manifest);
  data = baken_manifest_to_data (manifest, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (data, "\"0644-11-01T08:00:00Z\""));
  back = baken_manifest_parse (data, strlen (data), &error);
  g_assert_no_error (error);
}

static void
test_versions (void)
{
  g_assert_cmpint (baken_manifest_compare_versions ("0.1.0", "0.1.0"), ==, 0);
  g_assert_cmpint (baken_manifest_compare_versions ("0.1", "0.1.0"), ==, 0);
  g_assert_cmpint (baken_manifest_compare_versions ("0.2.0", "0.10.0"), ==, -1);
  g_assert_cmpint (baken_manifest_compare_versions ("1.0.0", "0.99.99"), ==, 1);
  g_assert_cmpint (baken_manifest_compare_versions ("1.0.0-beta", "1.0.0"), ==, -2);
  g_assert_cmpint (baken_manifest_compare_versions ("1..0", "1.0"), ==, -2);
  g_assert_cmpint (baken_manifest_compare_versions ("", "1.0"), ==, -2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/manifest/parse-good", test_parse_good);
  g_test_add_func ("/core/manifest/round-trip", test_round_trip);
  g_test_add_func ("/core/manifest/root-version", test_root_version);
  for (guint i = 0; i < G_N_ELEMENTS (bad_manifests); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/manifest/bad/%s", bad_manifests[i].name);

      g_test_add_data_func (path, &bad_manifests[i], test_parse_bad);
    }
  g_test_add_func ("/core/manifest/too-large", test_too_large);
  g_test_add_func ("/core/manifest/too-deep", test_too_deep);
  g_test_add_func ("/core/manifest/syntax-position", test_syntax_position);
  g_test_add_func ("/core/manifest/early-year", test_early_year);
  g_test_add_func ("/core/manifest/versions", test_versions);

  return g_test_run ();
}
