/* test-po.c: reading and writing gettext PO files (src/authoring/baken-po.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What is written reads back the same, GNU msgfmt -c accepts it, and every malformed
 * input is refused with its file and line.
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "baken-po.h"
#include "test-util.h"

static char *
write_temp (const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (g_get_user_cache_dir (), name, NULL);

  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return path;
}

/* Texts that need escapes, wrapping or both. */
static const char * const texts[] = {
  "Bel ons",
  "Zeg \"hallo\" en een \\ schuine streep",
  "Regel één\nRegel twee\n",
  "\nBegint met een regeleinde",
  "Met\ttab",
  "Een lange zin die veel langer is dan één regel van een PO-bestand, zodat hij in "
  "stukken wordt geschreven die elk na een spatie eindigen; ook met woorden als "
  "Schuldhulpverleningstrajectbegeleidingsaanvraagformulierenxyzxyzxyzxyzxyzxyzxyzxyzxyz.",
  "نساعدك إذا كانت عليك ديون أو لا تستطيع دفع فواتيرك. نضع معًا خطة لمالك. اتصل بنا على "
  "030 555 01 23.",
  "Допомога з боргами",
};

static void
test_round_trip (void)
{
  g_autoptr(GString) out = g_string_new ("# comment\n");
  const char *header[] = { "Project-Id-Version: test", "PO-Revision-Date: ",
                           "Last-Translator: ", "Language-Team: ", "Language: ar", NULL };
  g_autofree char *path = NULL;
  g_autoptr(BakenPoFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  const char *argv[] = { "/usr/bin/msgfmt", "-c", "-o", "/dev/null", NULL, NULL };

  baken_po_write_header (out, header);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *context = g_strdup_printf ("service:svc-%u:description", i);
      BakenPoEntry entry = {
        .context = context,
        .id = (char *) texts[i],
        /* The same text: begins and ends with a line break when the msgid does. */
        .str = (char *) texts[i],
        .fuzzy = i == 1,
        .comment = (char *) (i == 2 ? "Twee regels\nuitleg" : NULL),
        .reference = (char *) "services.csv:3",
      };

      baken_po_write_entry (out, &entry);
    }
  g_test_message ("%s", out->str);

  /* No line is wider than 79 characters unless one word is. */
  {
    g_auto(GStrv) lines = g_strsplit (out->str, "\n", -1);

    for (guint i = 0; lines[i] != NULL; i++)
      if (strstr (lines[i], "Schuldhulpverlenings") == NULL)
        g_assert_cmpint (g_utf8_strlen (lines[i], -1), <=, 79);
  }

  path = write_temp ("round-trip.po", out->str, out->len);
  argv[4] = path;
  g_assert_cmpint (baken_test_run_with_input (argv, NULL, TRUE, NULL, &output), ==, 0);
  g_assert_cmpstr (output, ==, "");

  file = baken_po_read (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (file->language, ==, "ar");
  g_assert_cmpuint (file->entries->len, ==, G_N_ELEMENTS (texts));
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      BakenPoEntry *entry = g_ptr_array_index (file->entries, i);
      g_autofree char *context = g_strdup_printf ("service:svc-%u:description", i);

      g_assert_cmpstr (entry->context, ==, context);
      g_assert_cmpstr (entry->id, ==, texts[i]);
      g_assert_cmpstr (entry->str, ==, texts[i]);
      g_assert_cmpint (entry->fuzzy, ==, i == 1);
      g_assert_cmpuint (entry->line, >, 0);
    }
}

/* What other tools write: a fuzzy flag among others, obsolete entries, previous
 * msgids, CRLF line ends, a BOM, octal escapes. */
static void
test_other_tools (void)
{
  const char po[] =
    "\xEF\xBB\xBF# Translator: someone\r\n"
    "msgid \"\"\r\n"
    "msgstr \"Language: tr\\n\"\r\n"
    "\"Content-Type: text/plain; charset=utf-8\\n\"\r\n"
    "\r\n"
    "#, fuzzy, no-c-format\r\n"
    "#| msgid \"Oud\"\r\n"
    "msgctxt \"life_event:le-geld:title\"\r\n"
    "msgid \"Geld\"\r\n"
    "msgstr \"Para\"\r\n"
    "\r\n"
    "msgctxt \"life_event:le-geld:summary\"\r\n"
    "msgid \"\"\r\n"
    "\"Twee \"\r\n"
    "\"stukken\"\r\n"
    "msgstr \"Iki\\040parça\"\r\n"
    "\r\n"
    "#~ msgctxt \"life_event:le-oud:title\"\r\n"
    "#~ msgid \"Weg\"\r\n"
    "#~ msgstr \"Gitti\"\r\n";
  g_autofree char *path = write_temp ("tools.po", po, sizeof po - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenPoFile) file = baken_po_read (path, &error);
  BakenPoEntry *first, *second;

  g_assert_no_error (error);
  g_assert_cmpstr (file->language, ==, "tr");
  g_assert_cmpuint (file->entries->len, ==, 2);
  first = g_ptr_array_index (file->entries, 0);
  second = g_ptr_array_index (file->entries, 1);
  g_assert_true (first->fuzzy);
  g_assert_cmpstr (first->str, ==, "Para");
  g_assert_cmpuint (first->line, ==, 9);
  g_assert_false (second->fuzzy);
  g_assert_cmpstr (second->id, ==, "Twee stukken");
  g_assert_cmpstr (second->str, ==, "Iki parça");
}

typedef struct
{
  const char *name;
  const char *po;
  const char *error;     /* after "PATH:" */
} BadCase;

static const BadCase bad_cases[] = {
  { "unterminated", "msgid \"Geld\nmsgstr \"\"\n", "1: the string has no closing quote" },
  { "unknown-keyword", "msgid \"a\"\nmsgtxt \"b\"\n", "2: unknown keyword" },
  { "plural", "msgid \"a\"\nmsgid_plural \"as\"\nmsgstr[0] \"\"\n", "2: plural forms" },
  { "plural-str", "msgid \"a\"\nmsgstr[0] \"\"\n", "2: plural forms" },
  { "no-msgstr", "msgid \"a\"\n\nmsgid \"b\"\nmsgstr \"\"\n", "1: msgid without msgstr" },
  { "no-msgstr-at-end", "msgid \"a\"\nmsgstr \"\"\n\nmsgid \"b\"\n", "4: msgid without msgstr" },
  { "msgstr-first", "msgstr \"a\"\n", "1: msgstr without msgid" },
  { "twice", "msgctxt \"x\"\nmsgid \"a\"\nmsgstr \"\"\n\nmsgctxt \"x\"\nmsgid \"a\"\nmsgstr \"b\"\n",
    "6: the same msgctxt and msgid as on line 2" },
  { "bad-escape", "msgid \"a\\q\"\nmsgstr \"\"\n", "1: unknown escape \\q" },
  { "nul-escape", "msgid \"a\"\nmsgstr \"\\0\"\n", "2: \\0 (a NUL character)" },
  { "after-quote", "msgid \"a\" \"b\"\nmsgstr \"\"\n", "1: text after the closing quote" },
  { "no-quotes", "msgid a\nmsgstr \"\"\n", "1: a string must be in double quotes" },
  { "stray-string", "\"a\"\n", "1: a string that belongs to no msgctxt" },
  { "comment-inside", "msgid \"a\"\n# note\nmsgstr \"\"\n", "2: a comment inside an entry" },
  { "latin1", "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=ISO-8859-1\\n\"\n",
    "1: the header says charset=ISO-8859-1" },
  { "invalid-utf8", "msgid \"a\"\nmsgstr \"\xC3\x28\"\n", "2: invalid UTF-8 (byte 0xC3)" },
  { "context-only", "msgctxt \"a\"\n", "1: msgctxt without msgid" },
};

static void
test_bad (gconstpointer data)
{
  const BadCase *c = data;
  g_autofree char *name = g_strdup_printf ("%s.po", c->name);
  g_autofree char *path = write_temp (name, c->po, -1);
  g_autofree char *expected = g_strdup_printf ("%s:%s", path, c->error);
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenPoFile) file = baken_po_read (path, &error);

  g_assert_null (file);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, expected));
}

/* A folder is not read at all (baken_file_read () refuses what is not a regular file). */
static void
test_not_a_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenPoFile) file = NULL;

  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  file = baken_po_read (g_get_user_cache_dir (), &error);
  g_assert_null (file);
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/po/round-trip", test_round_trip);
  g_test_add_func ("/core/po/other-tools", test_other_tools);
  g_test_add_func ("/core/po/not-a-file", test_not_a_file);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/po/bad/%s", bad_cases[i].name);

      g_test_add_data_func (path, &bad_cases[i], test_bad);
    }

  return g_test_run ();
}
