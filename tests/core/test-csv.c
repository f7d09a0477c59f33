/* test-csv.c: tests for the strict CSV reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "baken-csv.h"

static BakenCsvReader *
reader_for (const char *text,
            gssize      length)
{
  g_autoptr(GBytes) bytes = NULL;

  if (length < 0)
    length = strlen (text);
  bytes = g_bytes_new (text, length);

  return baken_csv_reader_new (bytes);
}

/* Reads every record and renders them as "LINE:a|b|c" lines, errors as
 * "LINE:COL:!code" lines. */
static char *
render (const char *text,
        gssize      length)
{
  g_autoptr(BakenCsvReader) reader = reader_for (text, length);
  g_autoptr(GString) out = g_string_new (NULL);

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      BakenCsvRead read = baken_csv_reader_read (reader, &error);
      guint line, column;

      if (read == BAKEN_CSV_READ_END)
        {
          g_assert_no_error (error);
          break;
        }

      if (read == BAKEN_CSV_READ_ERROR)
        {
          g_assert_error (error, BAKEN_CSV_ERROR, error->code);
          baken_csv_reader_get_error_position (reader, &line, &column);
          g_string_append_printf (out, "%u:%u:!%d\n", line, column, error->code);
          continue;
        }

      g_assert_no_error (error);
      g_string_append_printf (out, "%u:", baken_csv_reader_get_line (reader));
      for (guint i = 0; i < baken_csv_reader_get_n_fields (reader); i++)
        {
          const char *field = baken_csv_reader_get_field (reader, i);

          g_assert_nonnull (field);
          if (i > 0)
            g_string_append_c (out, '|');
          g_string_append (out, field);
        }
      g_string_append_c (out, '\n');
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

typedef struct
{
  const char *name;
  const char *input;
  const char *expected;
} Case;

static const Case cases[] = {
  { "simple", "a,b,c\n1,2,3\n", "1:a|b|c\n2:1|2|3\n" },
  { "no-final-newline", "a,b\n1,2", "1:a|b\n2:1|2\n" },
  { "crlf", "a,b\r\n1,2\r\n", "1:a|b\n2:1|2\n" },
  { "bom", "\xEF\xBB\xBF" "id,name\nx,y\n", "1:id|name\n2:x|y\n" },
  { "empty-fields", "a,b,c\n,,\n", "1:a|b|c\n2:||\n" },
  { "quoted-comma", "a,b\n\"1,5\",x\n", "1:a|b\n2:1,5|x\n" },
  { "quoted-quote", "a,b\n\"say \"\"hi\"\"\",x\n", "1:a|b\n2:say \"hi\"|x\n" },
  { "quoted-newline", "a,b\n\"one\ntwo\",x\n3,4\n", "1:a|b\n2:one\ntwo|x\n4:3|4\n" },
  { "quoted-crlf-normalised", "a,b\r\n\"one\r\ntwo\",x\r\n", "1:a|b\n2:one\ntwo|x\n" },
  { "empty-quoted", "a,b\n\"\",x\n", "1:a|b\n2:|x\n" },
  { "empty-lines-skipped", "a,b\n\n1,2\n\r\n3,4\n\n", "1:a|b\n3:1|2\n5:3|4\n" },
  { "utf8", "naam,tekst\nü,€ – ok\n", "1:naam|tekst\n2:ü|€ – ok\n" },
  { "empty-file", "", "" },
  { "too-many-fields", "a,b\n1,2,3\n4,5\n", "1:a|b\n2:3:!3\n3:4|5\n" },
  { "too-few-fields", "a,b,c\n1,2\n", "1:a|b|c\n2:3:!3\n" },
  { "too-many-after-multiline", "a,b\n\"x\ny\",2,3\n", "1:a|b\n3:3:!3\n" },
  { "unterminated-quote", "a,b\n1,\"open\nmore,x\n", "1:a|b\n2:2:!2\n3:more|x\n" },
  { "unterminated-quote-at-end", "a,b\n1,\"open", "1:a|b\n2:2:!2\n" },
  { "text-after-quote", "a,b\n\"x\"y,2\n3,4\n", "1:a|b\n2:1:!2\n3:3|4\n" },
  { "quote-in-unquoted", "a,b\n1,x\"y\n3,4\n", "1:a|b\n2:2:!2\n3:3|4\n" },
  { "bare-cr", "a,b\n1,2\r3,4\n5,6\n", "1:a|b\n2:2:!2\n3:5|6\n" },
  { "invalid-utf8", "a,b\nok,x\xFFy\n3,4\n", "1:a|b\n2:2:!0\n3:3|4\n" },
  { "invalid-utf8-in-quotes", "a,b\n1,\"x\n\xC3(\"\n3,4\n", "1:a|b\n3:2:!0\n4:3|4\n" },
  { "truncated-utf8-at-end", "a,b\n1,\xE2\x82", "1:a|b\n2:2:!0\n" },
};

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *out = render (c->input, -1);

  g_assert_cmpstr (out, ==, c->expected);
}

static void
test_nul_byte (void)
{
  static const char input[] = "a,b\n1,x\0y\n";
  g_autofree char *out = render (input, sizeof input - 1);

  g_assert_cmpstr (out, ==, "1:a|b\n2:2:!0\n");
}

/* A bad field still leaves the others readable, as NULL. */
static void
test_bad_field_is_null (void)
{
  g_autoptr(BakenCsvReader) reader = reader_for ("id,name,more\nx,\xFF,z\n", -1);
  g_autoptr(GError) error = NULL;
  guint line, column;

  g_assert_cmpint (baken_csv_reader_read (reader, &error), ==, BAKEN_CSV_READ_RECORD);
  g_assert_cmpint (baken_csv_reader_read (reader, &error), ==, BAKEN_CSV_READ_ERROR);
  g_assert_error (error, BAKEN_CSV_ERROR, BAKEN_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "0xFF"));
  baken_csv_reader_get_error_position (reader, &line, &column);
  g_assert_cmpuint (line, ==, 2);
  g_assert_cmpuint (column, ==, 2);
  g_assert_cmpuint (baken_csv_reader_get_n_fields (reader), ==, 3);
  g_assert_cmpstr (baken_csv_reader_get_field (reader, 0), ==, "x");
  g_assert_null (baken_csv_reader_get_field (reader, 1));
  g_assert_cmpstr (baken_csv_reader_get_field (reader, 2), ==, "z");
  g_clear_error (&error);
  g_assert_cmpint (baken_csv_reader_read (reader, &error), ==, BAKEN_CSV_READ_END);
  g_assert_no_error (error);
}

static void
test_field_lines (void)
{
  g_autoptr(BakenCsvReader) reader = reader_for ("a,b,c\n\"1\n\n\",\"2\nx\",3\n", -1);

  g_assert_cmpint (baken_csv_reader_read (reader, NULL), ==, BAKEN_CSV_READ_RECORD);
  g_assert_cmpint (baken_csv_reader_read (reader, NULL), ==, BAKEN_CSV_READ_RECORD);
  g_assert_cmpuint (baken_csv_reader_get_line (reader), ==, 2);
  g_assert_cmpuint (baken_csv_reader_get_field_line (reader, 0), ==, 2);
  g_assert_cmpuint (baken_csv_reader_get_field_line (reader, 1), ==, 4);
  g_assert_cmpuint (baken_csv_reader_get_field_line (reader, 2), ==, 5);
  g_assert_cmpstr (baken_csv_reader_get_field (reader, 0), ==, "1\n\n");
  g_assert_cmpstr (baken_csv_reader_get_field (reader, 1), ==, "2\nx");
}

static void
test_max_field (void)
{
  g_autoptr(GString) ok = g_string_new ("a,b\n1,");
  g_autoptr(GString) big = NULL;
  g_autofree char *out = NULL;
  g_autofree char *out_big = NULL;

  /* Exactly the maximum is fine, in quotes too. */
  for (guint i = 0; i < BAKEN_CSV_MAX_FIELD; i++)
    g_string_append_c (ok, 'x');
  g_string_append (ok, "\n");
  out = render (ok->str, ok->len);
  g_assert_cmpuint (strlen (out), ==, strlen ("1:a|b\n2:1|\n") + BAKEN_CSV_MAX_FIELD);

  /* 1 MB is refused at the start of the field, and reading goes on. */
  big = g_string_new ("a,b\n\"first line\n");
  for (guint i = 0; i < 1024 * 1024; i++)
    g_string_append_c (big, i % 64 == 63 ? '\n' : 'y');
  g_string_append (big, "\",2\n3,4\n");
  out_big = render (big->str, big->len);
  g_assert_cmpstr (out_big, ==, "1:a|b\n2:1:!1\n16388:3|4\n");
}

/* Multi-byte characters count as one character, not as bytes, for the limit check. */
static void
test_max_field_multibyte (void)
{
  g_autoptr(GString) text = g_string_new ("a\n");
  g_autofree char *out = NULL;

  /* "é" is 2 bytes: 32768 of them are exactly the limit in bytes. */
  for (guint i = 0; i < BAKEN_CSV_MAX_FIELD / 2; i++)
    g_string_append (text, "é");
  g_string_append (text, "é\n");
  out = render (text->str, text->len);
  g_assert_cmpstr (out, ==, "1:a\n2:1:!1\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/csv/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/core/csv/nul-byte", test_nul_byte);
  g_test_add_func ("/core/csv/bad-field-is-null", test_bad_field_is_null);
  g_test_add_func ("/core/csv/field-lines", test_field_lines);
  g_test_add_func ("/core/csv/max-field", test_max_field);
  g_test_add_func ("/core/csv/max-field-multibyte", test_max_field_multibyte);

  return g_test_run ();
}
