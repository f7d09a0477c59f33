/* test-slip-languages.c: slips in every language of the kiosk, read back from the PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `baken-bundle slip --lang LANG` draws the debt service of the demo content
 * (data/demo) as a resident coming through "money worries" gets it, printed at a fixed
 * time. pdftotext reads each PDF back; the text must be the golden text in
 * tests/data/slips/LANG-PAPER.txt (BAKEN_UPDATE_GOLDEN=1 writes them anew: read them
 * before committing). The golden text is pdftotext's reading order with bidi marks left
 * out; poppler gives the Arabic ligature lam-alef back as "ال" where the paper has
 * "لا", a known quirk of its right-to-left text extraction, not of the slip.
 *
 * The Arabic slip is checked where every word sits (pdftotext -bbox): the whole slip is
 * the mirror image of a left-to-right one (lines flush right, the hours of a day left of
 * the day), numbers read left to right, and a Dutch text on it reads left to right with
 * "(بالهولندية)" after it. Its letters are set in Noto Sans Arabic (pdffonts).
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "baken-content-build.h"
#include "baken-slip-paper.h"
#include "test-util.h"

#define PRINT_TIME "2025-12-23T09:00:00Z"

typedef struct
{
  const char *lang;
  const char *paper;
} Golden;

static const Golden goldens[] = {
  { "nl", "receipt-80mm" },
  { "en", "receipt-80mm" },
  { "ar", "receipt-80mm" },
  { "tr", "receipt-80mm" },
  { "pl", "receipt-80mm" },
  { "uk", "receipt-80mm" },
  { "ar", "a4" },
};

/* Built once, before the tests (which each get their own cache folder). */
typedef struct
{
  char *dir;
  char *demo_db;    /* data/demo, every language */
  char *test_db;    /* tests/data/build: hardly translated */
} Fixture;

static Fixture fixture;

static char *
build (const char *src,
       const char *name)
{
  g_autoptr(GError) error = NULL;
  BakenBuildOptions options = { .serial = 42, .created = "2025-12-01T00:00:00Z" };
  char *out = g_build_filename (fixture.dir, name, NULL);

  baken_content_build (src, out, &options, NULL, &error);
  g_assert_no_error (error);

  return out;
}

static void
fixture_init (void)
{
  g_autoptr(GError) error = NULL;
  const char *demo = g_getenv ("BAKEN_DEMO_SOURCE");
  g_autofree char *fallback = g_test_build_filename (G_TEST_DIST, "..", "data", "demo", NULL);
  g_autofree char *test = g_test_build_filename (G_TEST_DIST, "data", "build", NULL);

  fixture.dir = g_dir_make_tmp ("baken-slip-languages-XXXXXX", &error);
  g_assert_no_error (error);
  fixture.demo_db = build (demo != NULL ? demo : fallback, "demo.sqlite");
  fixture.test_db = build (test, "test.sqlite");
}

static void
fixture_clear (void)
{
  g_unlink (fixture.demo_db);
  g_unlink (fixture.test_db);
  g_rmdir (fixture.dir);
  g_free (fixture.demo_db);
  g_free (fixture.test_db);
  g_free (fixture.dir);
}

static const char *
demo_db (void)
{
  return fixture.demo_db;
}

static const char *
test_db (void)
{
  return fixture.test_db;
}

static char *
run (const char * const *argv)
{
  g_autofree char *output = NULL;
  int status = baken_test_run_with_input (argv, NULL, TRUE, NULL, &output);

  if (status != 0)
    g_error ("%s exited with %d:\n%s", argv[0], status, output);

  return g_steal_pointer (&output);
}

/* The slip of service (through event) in lang on paper, as a PDF file. */
static char *
slip_pdf (const char *db,
          const char *service,
          const char *event,
          const char *lang,
          const char *paper)
{
  const char *tool = g_getenv ("BAKEN_BUNDLE");
  g_autofree char *pdf = g_strdup_printf ("%s/%s-%s-%s.pdf", g_get_user_cache_dir (),
                                          service, lang, paper);
  const char *argv[] = { tool, "slip", service, "--content", db, "--lang", lang, "--paper",
                         paper, "--time", PRINT_TIME, "-o", pdf,
                         event != NULL ? "--event" : NULL, event, NULL };
  g_autofree char *output = NULL;

  g_assert_nonnull (tool);
  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  output = run (argv);
  g_assert_nonnull (strstr (output, "wrote"));

  return g_steal_pointer (&pdf);
}

/* pdftotext's reading of the PDF, without bidi marks, each line trimmed and its runs of
 * spaces made one, without empty lines. */
static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "/usr/bin/pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *raw = run (argv);
  g_autoptr(GRegex) marks = g_regex_new ("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", 0, 0, NULL);
  g_autoptr(GRegex) spaces = g_regex_new ("[ \t\u00a0]+", 0, 0, NULL);
  g_autofree char *clean = g_regex_replace_literal (marks, raw, -1, 0, "", 0, NULL);
  g_auto(GStrv) lines = g_strsplit (clean, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_regex_replace_literal (spaces, lines[i], -1, 0, " ", 0, NULL);

      g_strstrip (line);
      if (*line != '\0' && strcmp (line, "\f") != 0)
        g_string_append_printf (out, "%s\n", line);
    }

  return g_string_free (out, FALSE);
}

static void
test_golden (gconstpointer data)
{
  const Golden *golden = data;
  g_autofree char *pdf = slip_pdf (demo_db (), "svc-schuldhulp", "le-geld", golden->lang,
                                   golden->paper);
  g_autofree char *text = pdf_text (pdf);
  g_autofree char *name = g_strdup_printf ("%s-%s.txt", golden->lang, golden->paper);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "slips", name, NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) want = NULL;
  g_auto(GStrv) got = NULL;

  if (g_strcmp0 (g_getenv ("BAKEN_UPDATE_GOLDEN"), "1") == 0)
    {
      g_file_set_contents (path, text, -1, &error);
      g_assert_no_error (error);
      g_test_message ("wrote %s", path);
    }

  g_file_get_contents (path, &expected, NULL, &error);
  g_assert_no_error (error);
  if (strcmp (text, expected) == 0)
    return;

  /* Name the first line that differs, then give the whole slip. */
  want = g_strsplit (expected, "\n", -1);
  got = g_strsplit (text, "\n", -1);
  for (guint i = 0; want[i] != NULL || got[i] != NULL; i++)
    if (want[i] == NULL || got[i] == NULL || strcmp (want[i], got[i]) != 0)
      {
        g_test_fail_printf ("%s, line %u:\n  expected: %s\n  printed:  %s\n\nThe slip:\n%s",
                            name, i + 1, want[i] != NULL ? want[i] : "(end)",
                            got[i] != NULL ? got[i] : "(end)", text);
        return;
      }
}

typedef struct
{
  double x0, y0, x1, y1;
  char  *text;
} Word;

static void
word_free (Word *word)
{
  g_free (word->text);
  g_free (word);
}

/* Every word of the first page with its box, in pdftotext's order. */
static GPtrArray *
read_words (const char *pdf,
            double     *page_width)
{
  const char *argv[] = { "/usr/bin/pdftotext", "-enc", "UTF-8", "-bbox", "-f", "1", "-l", "1",
                         pdf, "-", NULL };
  g_autofree char *html = run (argv);
  g_autoptr(GRegex) page_re = g_regex_new ("<page width=\"([0-9.]+)\"", 0, 0, NULL);
  g_autoptr(GRegex) word_re = g_regex_new ("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" "
                                           "xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([^<]*)</word>",
                                           0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *width = NULL;
  GPtrArray *words = g_ptr_array_new_with_free_func ((GDestroyNotify) word_free);

  g_assert_true (g_regex_match (page_re, html, 0, &match));
  width = g_match_info_fetch (match, 1);
  *page_width = g_ascii_strtod (width, NULL);
  g_clear_pointer (&match, g_match_info_free);

  g_regex_match (word_re, html, 0, &match);
  while (g_match_info_matches (match))
    {
      Word *word = g_new0 (Word, 1);
      g_autofree char *x0 = g_match_info_fetch (match, 1);
      g_autofree char *y0 = g_match_info_fetch (match, 2);
      g_autofree char *x1 = g_match_info_fetch (match, 3);
      g_autofree char *y1 = g_match_info_fetch (match, 4);

      word->x0 = g_ascii_strtod (x0, NULL);
      word->y0 = g_ascii_strtod (y0, NULL);
      word->x1 = g_ascii_strtod (x1, NULL);
      word->y1 = g_ascii_strtod (y1, NULL);
      word->text = g_match_info_fetch (match, 5);
      g_ptr_array_add (words, word);
      g_match_info_next (match, NULL);
    }

  return words;
}

/* The n-th (0-based) word that contains text. */
static Word *
find_word (GPtrArray  *words,
           const char *text,
           guint       n)
{
  for (guint i = 0; i < words->len; i++)
    {
      Word *word = g_ptr_array_index (words, i);

      if (strstr (word->text, text) != NULL && n-- == 0)
        return word;
    }

  g_error ("“%s” is not on the slip", text);
}

/* Whether b is on the same line as a (their boxes overlap vertically). */
static gboolean
same_line (const Word *a,
           const Word *b)
{
  return a->y0 < b->y1 && b->y0 < a->y1;
}

/* The first word that contains text on the line of `on`. */
static Word *
find_on_line (GPtrArray  *words,
              const char *text,
              const Word *on)
{
  for (guint i = 0; i < words->len; i++)
    {
      Word *word = g_ptr_array_index (words, i);

      if (strstr (word->text, text) != NULL && same_line (word, on))
        return word;
    }

  g_error ("“%s” is not on the line of “%s”", text, on->text);
}

static void
test_arabic_mirrored (void)
{
  g_autofree char *ar = slip_pdf (demo_db (), "svc-schuldhulp", "le-geld", "ar", "receipt-80mm");
  g_autofree char *nl = slip_pdf (demo_db (), "svc-schuldhulp", "le-geld", "nl", "receipt-80mm");
  double width, right, left = BAKEN_MM_TO_PT ((BAKEN_SLIP_RECEIPT_WIDTH_MM -
                                               BAKEN_SLIP_RECEIPT_PRINTABLE_MM) / 2);
  g_autoptr(GPtrArray) ar_words = read_words (ar, &width);
  g_autoptr(GPtrArray) nl_words = read_words (nl, &width);
  const char *groups[] = { "030", "555", "01", "23" };
  Word *first, *day, *hours;

  right = width - left;

  /* The phone number reads as it is dialled, flush with the right edge in Arabic and
   * with the left edge in Dutch. */
  first = find_word (ar_words, groups[0], 0);
  for (guint i = 1; i < G_N_ELEMENTS (groups); i++)
    {
      Word *before = find_on_line (ar_words, groups[i - 1], first);
      Word *next = find_on_line (ar_words, groups[i], first);

      g_assert_cmpfloat (next->x0, >, before->x1);
      if (i == G_N_ELEMENTS (groups) - 1)
        g_assert_cmpfloat (fabs (next->x1 - right), <, 1.5);
    }
  g_assert_cmpfloat (fabs (find_word (nl_words, "030", 0)->x0 - left), <, 1.5);

  /* The hours table: in Dutch the day, then its hours to the right; in Arabic the day
   * (ديسمبر, December) on the right and its hours to the left of it. */
  day = find_word (nl_words, "december", 0);
  hours = find_word (nl_words, "12:00", 0);
  g_assert_true (same_line (day, hours));
  g_assert_cmpfloat (hours->x0, >, day->x1);
  g_assert_cmpfloat (fabs (find_word (nl_words, "Dinsdag", 0)->x0 - left), <, 1.5);

  hours = find_word (ar_words, "12:00", 0);
  day = find_on_line (ar_words, "23", hours);
  g_assert_cmpfloat (hours->x1, <, day->x0);
  /* The time range itself reads 9:00 – 12:00, left to right. */
  g_assert_cmpfloat (find_on_line (ar_words, "9:00", hours)->x1, <, hours->x0);

  /* Latin lines are flush right with the Arabic: the street and the e-mail address. */
  g_assert_cmpfloat (fabs (find_word (ar_words, "Marktplein", 0)->x0 -
                           find_word (nl_words, "Marktplein", 0)->x0), >, 20);
  g_assert_cmpfloat (fabs (find_on_line (ar_words, "1", find_word (ar_words, "Marktplein", 0))->x1 -
                           right), <, 60);
  g_assert_cmpfloat (fabs (find_word (ar_words, "schuldhulp@voorbeeldstad.example", 0)->x1 -
                           right), <, 1.5);
}

/* Content without Arabic texts (tests/data/build): the Dutch texts are printed, each
 * reading left to right with "(بالهولندية)" after it, to its left. */
static void
test_arabic_dutch_marked (void)
{
  g_autofree char *pdf = slip_pdf (test_db (), "svc-schuldhulp", NULL, "ar", "receipt-80mm");
  g_autofree char *text = pdf_text (pdf);
  double width;
  g_autoptr(GPtrArray) words = read_words (pdf, &width);
  Word *name = find_word (words, "Schuldhulp", 0);
  Word *town = find_on_line (words, "Teststad", name);
  Word *mark = NULL;

  /* The organisation: "Schuldhulp Teststad (بالهولندية)" on one line. */
  g_test_message ("%s", text);
  g_assert_cmpfloat (name->x1, <, town->x0);

  /* pdftotext gives the mark's letters in visual order: find it by its parentheses. */
  for (guint i = 0; i < words->len && mark == NULL; i++)
    {
      Word *word = g_ptr_array_index (words, i);

      if (same_line (word, name) && (strchr (word->text, '(') || strchr (word->text, ')')))
        mark = word;
    }
  g_assert_nonnull (mark);
  g_assert_cmpfloat (mark->x1, <, name->x0);
  g_assert_nonnull (strstr (text, "بالهولندية"));
}

static void
test_arabic_font (void)
{
  g_autofree char *pdf = slip_pdf (demo_db (), "svc-schuldhulp", "le-geld", "ar", "receipt-80mm");
  const char *argv[] = { "/usr/bin/pdffonts", pdf, NULL };
  g_autofree char *fonts = run (argv);

  g_test_message ("%s", fonts);
  g_assert_nonnull (strstr (fonts, "NotoSansArabic-Regular"));
  g_assert_nonnull (strstr (fonts, "NotoSansArabic-Bold"));
  g_assert_null (strstr (fonts, "DejaVu"));
}

/* --lang takes the six languages of the kiosk, and nothing else. */
static void
test_lang_option (void)
{
  const char *tool = g_getenv ("BAKEN_BUNDLE");
  g_autofree char *pdf = g_build_filename (g_get_user_cache_dir (), "de.pdf", NULL);
  const char *argv[] = { tool, "slip", "svc-schuldhulp", "--content", demo_db (), "--lang",
                         "de", "-o", pdf, NULL };
  g_autofree char *output = NULL;

  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  g_assert_cmpint (baken_test_run_with_input (argv, NULL, TRUE, NULL, &output), ==, 2);
  g_assert_nonnull (strstr (output, "--lang \"de\" is not one of nl, en, ar, tr, pl, uk"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  fixture_init ();

  for (guint i = 0; i < G_N_ELEMENTS (goldens); i++)
    {
      g_autofree char *path = g_strdup_printf ("/print/slip-languages/golden/%s-%s",
                                               goldens[i].lang, goldens[i].paper);

      g_test_add_data_func (path, &goldens[i], test_golden);
    }
  g_test_add_func ("/print/slip-languages/arabic-mirrored", test_arabic_mirrored);
  g_test_add_func ("/print/slip-languages/arabic-dutch-marked", test_arabic_dutch_marked);
  g_test_add_func ("/print/slip-languages/arabic-font", test_arabic_font);
  g_test_add_func ("/print/slip-languages/lang-option", test_lang_option);

  status = g_test_run ();
  fixture_clear ();

  return status;
}
