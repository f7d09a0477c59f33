/* test-slip-render.c: slips drawn to PDF and to images
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a resident takes home is checked the way a person would read it: the PDF is read
 * back with pdftotext (text, and with -bbox where every word sits), the preview image is
 * checked for ink outside the margins and compared with committed references in
 * tests/data/slips/ (BAKEN_UPDATE_GOLDEN=1 writes them anew; look at them before
 * committing).
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "baken-catalog.h"
#include "baken-slip.h"
#include "baken-slip-render.h"
#include "slip-test-content.h"

/* Preview scale of the golden images: small files, still readable. */
#define GOLDEN_PX_PER_MM 5.0
/* Pixels whose channels differ by more than this count as different … */
#define GOLDEN_CHANNEL_TOLERANCE 64
/* … and at most this share of them may differ (font versions move glyphs a little). */
#define GOLDEN_MAX_DIFF_RATIO 0.01

#define STAFF_NUMBER "030 123 45 99"
#define PUBLIC_NUMBER "030 123 45 67"
/* 60 letters, no break opportunity. */
#define LONG_WORD "Schuldhulpverleningstrajectbegeleidingsaanvraagformulierenxy"

typedef struct
{
  BakenCatalog *catalog;
  BakenSlipPlace place;
} Fixture;

typedef struct
{
  BakenPaper  paper;
  const char *name;
  double      width_mm;
  double      height_mm;   /* 0: follows the content */
  double      side_mm;     /* left and right margin */
  double      bottom_mm;   /* bottom margin of a page */
} Paper;

static const Paper papers[] = {
  { BAKEN_PAPER_RECEIPT_80MM, "receipt-80mm", 80, 0, 4, 0 },
  { BAKEN_PAPER_A4, "a4", 210, 297, 18, 12 },
  { BAKEN_PAPER_A5, "a5", 148, 210, 12, 11 },
};

static Fixture fixture;

static void
fixture_init (void)
{
  /* Shared by all tests. */
  fixture.catalog = slip_test_content_open ();

  fixture.place = (BakenSlipPlace) {
    .name = "Bibliotheek Teststad",
    .has_location = TRUE,
    .latitude = 52.0930,
    .longitude = 5.1214,
    .holidays = BAKEN_HOLIDAY_FLAGS_NONE,
  };
}

static GDateTime *
print_time (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  /* Tuesday 23 December 2025, 10:00 in Amsterdam. */
  return g_date_time_new (utc, 2025, 12, 23, 9, 0, 0);
}

typedef enum {
  SLIP_SHORT,   /* few channels, no address */
  SLIP_FULL,    /* the debt service as desk staff see it, with web page and icon */
  SLIP_LONG,    /* absurdly long names and words */
} SlipKind;

static BakenSlip *
make_slip (SlipKind kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenService) service = NULL;
  g_autoptr(BakenLifeEvent) event = NULL;
  g_autoptr(GDateTime) now = print_time ();
  g_autoptr(GBytes) icon = NULL;
  BakenSlip *slip;

  if (kind == SLIP_SHORT)
    {
      service = baken_catalog_get_service (fixture.catalog, "svc-bijstand", "nl",
                                           BAKEN_AUDIENCE_PUBLIC, &error);
      g_assert_no_error (error);
      return baken_slip_new (service, NULL, &fixture.place, now, "42", "nl");
    }

  /* As staff: the backoffice number is in the service and must still not print. */
  service = baken_catalog_get_service (fixture.catalog, "svc-schuldhulp", "nl",
                                       BAKEN_AUDIENCE_STAFF, &error);
  g_assert_no_error (error);
  event = baken_catalog_get_life_event (fixture.catalog, "le-schulden", "nl", &error);
  g_assert_no_error (error);
  g_free (service->url);
  service->url = g_strdup ("https://teststad.example/schulden");
  icon = baken_catalog_get_icon (fixture.catalog, "geld");
  g_assert_nonnull (icon);

  if (kind == SLIP_LONG)
    {
      GString *name = g_string_new ("Ondersteuning bij " LONG_WORD);
      const char * const bring[] = {
        "Uw identiteitsbewijs",
        "Alle brieven van " LONG_WORD " en andere schuldeisers",
        NULL
      };

      while (name->len < 200)
        g_string_append (name, " en nog meer hulp");
      g_string_truncate (name, 200);
      g_free (service->name);
      service->name = g_string_free (name, FALSE);
      g_free (service->organization_name);
      service->organization_name = g_strdup ("Stichting " LONG_WORD " Teststad");
      g_strfreev (service->what_to_bring);
      service->what_to_bring = g_strdupv ((char **) bring);
      g_free (service->url);
      service->url = g_strdup ("https://teststad.example/" LONG_WORD "/" LONG_WORD);
    }

  slip = baken_slip_new (service, event, &fixture.place, now, "42", "nl");
  baken_slip_set_icon (slip, icon);
  if (kind == SLIP_LONG)
    baken_slip_set_note (slip, "Meneer heeft al een afspraak gehad bij " LONG_WORD ".");

  return slip;
}

static char *
write_pdf (BakenSlip  *slip,
           BakenPaper  paper,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (g_get_user_cache_dir (), name, NULL);

  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  baken_slip_render_pdf_file (slip, paper, path, &error);
  g_assert_no_error (error);

  return path;
}

/* pdftotext's output for the PDF (-bbox: HTML with a box per word). */
static char *
pdftotext (const char *pdf,
           gboolean    bbox)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", bbox ? "-bbox" : "-layout", pdf, "-", NULL };
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  return out;
}

/* The text with runs of white space (line ends, layout columns) as one space. */
static char *
squeeze (const char *text)
{
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace_literal (space, text, -1, 0, " ", 0, NULL);
}

static void
test_pdf_text (gconstpointer data)
{
  const Paper *paper = data;
  g_autoptr(BakenSlip) slip = make_slip (SLIP_FULL);
  g_autofree char *name = g_strdup_printf ("full-%s.pdf", paper->name);
  g_autofree char *pdf = write_pdf (slip, paper->paper, name);
  g_autofree char *raw = pdftotext (pdf, FALSE);
  g_autofree char *text = squeeze (raw);
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
  g_autofree char *compact = NULL;
  const char *expected[] = {
    "Hulp bij schulden", "Schuldhulp Teststad", "Ik heb schulden", PUBLIC_NUMBER,
    "Bellen kost niets extra.", "23 december 2025", "10:00", "Dinsdag 23 december",
    "9:00 – 12:00, 13:00 – 16:30", "Markt 1, Ingang B", "1234 AB Teststad",
    "250 m, ongeveer 5 minuten lopen", "Bibliotheek Teststad", "Informatie versie 42",
    "Wij helpen u als u schulden heeft.",
    "Binnen 2 weken heeft u een gesprek.", "Gratis",
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (strstr (text, expected[i]) == NULL)
      g_error ("“%s” is not on the %s slip:\n%s", expected[i], paper->name, raw);
  g_assert_nonnull (strstr (text, slip->reference));
  /* The web address may wrap anywhere under the QR code. */
  compact = g_regex_replace_literal (space, raw, -1, 0, "", 0, NULL);
  g_assert_nonnull (strstr (compact, "https://teststad.example/schulden"));
  g_assert_null (strstr (text, STAFF_NUMBER));
  g_assert_null (strstr (text, "Backoffice"));
}

/* A service whose only web site and second door are for staff (tests/data/build:
 * svc-formulieren): as desk staff print it, the slip shows the public address, no staff
 * address, no staff web site, and no QR code at all (nothing public to link to). */
static void
test_staff_only_channels (gconstpointer data)
{
  const Paper *paper = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = print_time ();
  g_autoptr(BakenService) service = NULL;
  g_autoptr(BakenSlip) slip = NULL;
  g_autofree char *name = g_strdup_printf ("staff-only-%s.pdf", paper->name);
  g_autofree char *pdf = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autofree char *compact = NULL;
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);

  service = baken_catalog_get_service (fixture.catalog, "svc-formulieren", "nl",
                                       BAKEN_AUDIENCE_STAFF, &error);
  g_assert_no_error (error);
  slip = baken_slip_new (service, NULL, &fixture.place, now, "42", "nl");
  pdf = write_pdf (slip, paper->paper, name);
  raw = pdftotext (pdf, FALSE);
  text = squeeze (raw);
  compact = g_regex_replace_literal (space, raw, -1, 0, "", 0, NULL);
  g_test_message ("%s", raw);

  g_assert_nonnull (strstr (text, "Hulp bij formulieren"));
  /* Who it is for, what it costs, the wait: printed in plain words. */
  g_assert_nonnull (strstr (text, "Voor mensen van 16 tot en met 27 jaar"));
  g_assert_nonnull (strstr (text, "Kosten: gratis"));
  g_assert_nonnull (strstr (text, "Wachttijd: ongeveer 2 weken"));
  g_assert_nonnull (strstr (text, "Brugstraat 5"));
  g_assert_nonnull (strstr (text, "Openingstijden onbekend"));
  g_assert_null (strstr (text, "Achterom"));
  g_assert_null (strstr (text, "Dienstingang"));
  g_assert_null (strstr (compact, "intranet"));
  g_assert_null (strstr (text, "Scan de code"));
  g_assert_null (slip->qr_url);
}

typedef struct
{
  double page_width;
  double page_height;
  guint  n_pages;
  double x_min, x_max, y_max;   /* over all words */
  guint  n_words;
  char  *text;                  /* every word, space separated */
} Boxes;

static void
boxes_clear (Boxes *boxes)
{
  g_free (boxes->text);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Boxes, boxes_clear)

static void
read_boxes (const char *pdf,
            Boxes      *boxes)
{
  g_autofree char *html = pdftotext (pdf, TRUE);
  g_autoptr(GRegex) page_re = g_regex_new ("<page width=\"([0-9.]+)\" height=\"([0-9.]+)\">",
                                           0, 0, NULL);
  g_autoptr(GRegex) word_re = g_regex_new ("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" "
                                           "xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([^<]*)</word>",
                                           0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GString *text = g_string_new (NULL);

  memset (boxes, 0, sizeof *boxes);
  boxes->x_min = G_MAXDOUBLE;

  g_regex_match (page_re, html, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *width = g_match_info_fetch (match, 1);
      g_autofree char *height = g_match_info_fetch (match, 2);

      boxes->page_width = g_ascii_strtod (width, NULL);
      boxes->page_height = g_ascii_strtod (height, NULL);
      boxes->n_pages++;
      g_match_info_next (match, NULL);
    }
  g_clear_pointer (&match, g_match_info_free);

  g_regex_match (word_re, html, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *x0 = g_match_info_fetch (match, 1);
      g_autofree char *x1 = g_match_info_fetch (match, 3);
      g_autofree char *y1 = g_match_info_fetch (match, 4);
      g_autofree char *word = g_match_info_fetch (match, 5);

      boxes->x_min = MIN (boxes->x_min, g_ascii_strtod (x0, NULL));
      boxes->x_max = MAX (boxes->x_max, g_ascii_strtod (x1, NULL));
      boxes->y_max = MAX (boxes->y_max, g_ascii_strtod (y1, NULL));
      boxes->n_words++;
      g_string_append_printf (text, "%s ", word);
      g_match_info_next (match, NULL);
    }
  boxes->text = g_string_free (text, FALSE);
}

static void
test_receipt_size (void)
{
  g_autoptr(BakenSlip) short_slip = make_slip (SLIP_SHORT);
  g_autoptr(BakenSlip) full_slip = make_slip (SLIP_FULL);
  g_autoptr(BakenSlip) long_slip = make_slip (SLIP_LONG);
  g_autofree char *short_pdf = write_pdf (short_slip, BAKEN_PAPER_RECEIPT_80MM, "short.pdf");
  g_autofree char *full_pdf = write_pdf (full_slip, BAKEN_PAPER_RECEIPT_80MM, "full.pdf");
  g_autofree char *long_pdf = write_pdf (long_slip, BAKEN_PAPER_RECEIPT_80MM, "long.pdf");
  g_auto(Boxes) short_boxes, full_boxes, long_boxes;
  g_autoptr(GError) error = NULL;
  double width, height;
  guint n_pages;

  read_boxes (short_pdf, &short_boxes);
  read_boxes (full_pdf, &full_boxes);
  read_boxes (long_pdf, &long_boxes);

  /* 80 mm wide, one page each, as long as the content. */
  g_assert_cmpfloat_with_epsilon (short_boxes.page_width, BAKEN_MM_TO_PT (80), 0.01);
  g_assert_cmpfloat_with_epsilon (full_boxes.page_width, BAKEN_MM_TO_PT (80), 0.01);
  g_assert_cmpuint (short_boxes.n_pages, ==, 1);
  g_assert_cmpuint (full_boxes.n_pages, ==, 1);
  g_assert_cmpuint (long_boxes.n_pages, ==, 1);
  g_assert_cmpfloat (full_boxes.page_height, >, short_boxes.page_height + BAKEN_MM_TO_PT (40));
  g_assert_cmpfloat (long_boxes.page_height, >, full_boxes.page_height + BAKEN_MM_TO_PT (20));

  /* The measure is the page, and the last words sit above the bottom margin. */
  baken_slip_render_measure (full_slip, BAKEN_PAPER_RECEIPT_80MM, &width, &height, &n_pages,
                             &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, ==, 1);
  g_assert_cmpfloat_with_epsilon (width, full_boxes.page_width, 0.01);
  g_assert_cmpfloat_with_epsilon (height, full_boxes.page_height, 0.01);
  g_assert_cmpfloat (full_boxes.y_max, <, height - BAKEN_MM_TO_PT (4));
  g_assert_cmpfloat (full_boxes.y_max, >, height - BAKEN_MM_TO_PT (20));
}

/* No pixel outside the printable columns [side, width - side] may be inked. */
static void
assert_no_ink_outside (cairo_surface_t *surface,
                       const Paper     *paper,
                       double           px_per_mm)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  /* Ink may stand out from a glyph's advance by a hair. */
  int left = (int) floor ((paper->side_mm - 0.3) * px_per_mm);
  int right = (int) ceil ((paper->width_mm - paper->side_mm + 0.3) * px_per_mm);
  guint inked_inside = 0;

  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (const void *) (data + y * stride);

      for (int x = 0; x < width; x++)
        {
          gboolean paper_white = row[x] == 0xffffffff || row[x] == 0;

          if (!paper_white && (x < left || x >= right))
            g_error ("ink at %d,%d (%.1f mm from the left) outside the printable area of %s",
                     x, y, x / px_per_mm, paper->name);
          inked_inside += !paper_white;
        }
    }
  g_assert_cmpuint (inked_inside, >, 1000);
}

static void
test_long_words (gconstpointer data)
{
  const Paper *paper = data;
  g_autoptr(BakenSlip) slip = make_slip (SLIP_LONG);
  g_autofree char *name = g_strdup_printf ("long-%s.pdf", paper->name);
  g_autofree char *pdf = write_pdf (slip, paper->paper, name);
  g_autoptr(GError) error = NULL;
  g_auto(Boxes) boxes;
  cairo_surface_t *image;
  double px_per_mm = 8;

  g_assert_cmpuint (strlen (slip->service), ==, 200);

  /* Every word's box lies within the printable width (1 pt for font metrics), and on
   * pages above the bottom margin. */
  read_boxes (pdf, &boxes);
  g_assert_cmpuint (boxes.n_words, >, 50);
  g_assert_cmpfloat (boxes.x_min, >=, BAKEN_MM_TO_PT (paper->side_mm) - 1);
  g_assert_cmpfloat (boxes.x_max, <=, BAKEN_MM_TO_PT (paper->width_mm - paper->side_mm) + 1);
  if (paper->height_mm > 0)
    g_assert_cmpfloat (boxes.y_max, <=, BAKEN_MM_TO_PT (paper->height_mm - paper->bottom_mm) + 1);

  /* The long word is there, broken over lines rather than cut. */
  g_assert_nonnull (strstr (boxes.text, "Schuldhulpverlenings"));
  g_assert_nonnull (strstr (boxes.text, PUBLIC_NUMBER));
  g_assert_null (strstr (boxes.text, STAFF_NUMBER));

  image = baken_slip_render_image (slip, paper->paper, px_per_mm, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==,
                   (int) ceil (paper->width_mm * px_per_mm - 1e-6));
  assert_no_ink_outside (image, paper, px_per_mm);
  cairo_surface_destroy (image);
}

/* Share of pixels that differ noticeably between two images of the same size. */
static double
diff_ratio (cairo_surface_t *a,
            cairo_surface_t *b)
{
  int width = cairo_image_surface_get_width (a);
  int height = cairo_image_surface_get_height (a);
  int stride_a = cairo_image_surface_get_stride (a);
  int stride_b = cairo_image_surface_get_stride (b);
  const guint8 *data_a = cairo_image_surface_get_data (a);
  const guint8 *data_b = cairo_image_surface_get_data (b);
  guint64 differ = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width * 4; x++)
      if (ABS ((int) data_a[y * stride_a + x] - (int) data_b[y * stride_b + x]) >
          GOLDEN_CHANNEL_TOLERANCE)
        {
          differ++;
          x += 3 - x % 4;  /* count a pixel once */
        }

  return (double) differ / ((double) width * height);
}

static void
test_golden (gconstpointer data)
{
  const Paper *paper = data;
  g_autoptr(BakenSlip) slip = make_slip (SLIP_FULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("%s.png", paper->name);
  g_autofree char *golden_path = g_test_build_filename (G_TEST_DIST, "data", "slips", name, NULL);
  g_autofree char *actual_path = g_build_filename (g_get_user_cache_dir (), name, NULL);
  cairo_surface_t *actual, *golden;
  double ratio;

  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  actual = baken_slip_render_image (slip, paper->paper, GOLDEN_PX_PER_MM, &error);
  g_assert_no_error (error);

  if (g_strcmp0 (g_getenv ("BAKEN_UPDATE_GOLDEN"), "1") == 0)
    {
      g_autofree char *dir = g_path_get_dirname (golden_path);

      g_mkdir_with_parents (dir, 0755);
      g_assert_cmpint (cairo_surface_write_to_png (actual, golden_path), ==, CAIRO_STATUS_SUCCESS);
      g_test_message ("wrote %s", golden_path);
    }

  golden = cairo_image_surface_create_from_png (golden_path);
  if (cairo_surface_status (golden) != CAIRO_STATUS_SUCCESS)
    g_error ("no golden image %s (run with BAKEN_UPDATE_GOLDEN=1 and look at it)", golden_path);

  cairo_surface_write_to_png (actual, actual_path);
  if (cairo_image_surface_get_width (golden) != cairo_image_surface_get_width (actual) ||
      cairo_image_surface_get_height (golden) != cairo_image_surface_get_height (actual))
    g_error ("%s is %d×%d, the golden image %d×%d; look at %s", paper->name,
             cairo_image_surface_get_width (actual), cairo_image_surface_get_height (actual),
             cairo_image_surface_get_width (golden), cairo_image_surface_get_height (golden),
             actual_path);

  ratio = diff_ratio (actual, golden);
  if (ratio > GOLDEN_MAX_DIFF_RATIO)
    g_error ("%s differs from %s in %.2f%% of its pixels; look at %s", paper->name,
             golden_path, ratio * 100, actual_path);

  cairo_surface_destroy (golden);
  cairo_surface_destroy (actual);
}

/* Share of blocks of size × size pixels whose mean grey differs by more than a sixth:
 * two rasterisers smooth glyph edges differently, but put the ink in the same places. */
static double
block_diff_ratio (cairo_surface_t *a,
                  cairo_surface_t *b,
                  int              size)
{
  int width = cairo_image_surface_get_width (a);
  int height = cairo_image_surface_get_height (a);
  cairo_surface_t *surfaces[2] = { a, b };
  guint blocks = 0, differ = 0;

  for (int by = 0; by + size <= height; by += size)
    for (int bx = 0; bx + size <= width; bx += size)
      {
        double mean[2] = { 0, 0 };

        for (int s = 0; s < 2; s++)
          {
            const guint8 *data = cairo_image_surface_get_data (surfaces[s]);
            int stride = cairo_image_surface_get_stride (surfaces[s]);

            for (int y = by; y < by + size; y++)
              for (int x = bx; x < bx + size; x++)
                mean[s] += data[y * stride + x * 4 + 1];  /* green: grey on a slip */
            mean[s] /= size * size;
          }
        blocks++;
        differ += fabs (mean[0] - mean[1]) > 255.0 / 6;
      }

  return (double) differ / blocks;
}

/* The PNG and the PDF come from one code path: the PDF rasterised by poppler looks like
 * the preview. */
static void
test_preview_matches_pdf (void)
{
  g_autoptr(BakenSlip) slip = make_slip (SLIP_FULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = write_pdf (slip, BAKEN_PAPER_RECEIPT_80MM, "same.pdf");
  g_autofree char *prefix = g_build_filename (g_get_user_cache_dir (), "poppler", NULL);
  g_autofree char *poppler_png = g_strconcat (prefix, ".png", NULL);
  g_autofree char *dpi = g_strdup_printf ("%g", GOLDEN_PX_PER_MM * 25.4);
  const char *argv[] = { "pdftoppm", "-png", "-singlefile", "-r", dpi, pdf, prefix, NULL };
  cairo_surface_t *preview, *poppler;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  preview = baken_slip_render_image (slip, BAKEN_PAPER_RECEIPT_80MM, GOLDEN_PX_PER_MM, &error);
  g_assert_no_error (error);
  poppler = cairo_image_surface_create_from_png (poppler_png);
  g_assert_cmpint (cairo_surface_status (poppler), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (abs (cairo_image_surface_get_width (poppler) -
                        cairo_image_surface_get_width (preview)), <=, 1);
  g_assert_cmpint (abs (cairo_image_surface_get_height (poppler) -
                        cairo_image_surface_get_height (preview)), <=, 1);
  if (cairo_image_surface_get_width (poppler) == cairo_image_surface_get_width (preview) &&
      cairo_image_surface_get_height (poppler) == cairo_image_surface_get_height (preview))
    g_assert_cmpfloat (block_diff_ratio (poppler, preview, (int) GOLDEN_PX_PER_MM), <, 0.01);

  cairo_surface_destroy (poppler);
  cairo_surface_destroy (preview);
}

static void
async_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_async (void)
{
  g_autoptr(BakenSlip) slip = make_slip (SLIP_FULL);
  g_autoptr(GAsyncResult) pdf_result = NULL;
  g_autoptr(GAsyncResult) image_result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  cairo_surface_t *image;

  baken_slip_render_pdf_async (slip, BAKEN_PAPER_A5, NULL, async_done_cb, &pdf_result);
  baken_slip_render_image_async (slip, BAKEN_PAPER_RECEIPT_80MM, 6, NULL, async_done_cb,
                                 &image_result);
  while (pdf_result == NULL || image_result == NULL)
    g_main_context_iteration (NULL, TRUE);

  pdf = baken_slip_render_pdf_finish (pdf_result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (pdf), >, 1000);
  g_assert_cmpmem (g_bytes_get_data (pdf, NULL), 5, "%PDF-", 5);

  image = baken_slip_render_image_finish (image_result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 480);
  cairo_surface_destroy (image);
}

static void
test_qr_image (void)
{
  g_autoptr(GError) error = NULL;
  cairo_surface_t *qr = baken_slip_render_qr_image ("https://teststad.example/schulden", 10, &error);
  g_autofree char *huge = g_strnfill (8000, 'x');
  const guint8 *data;
  int stride, side;

  g_assert_no_error (error);
  side = cairo_image_surface_get_width (qr);
  g_assert_cmpint (cairo_image_surface_get_height (qr), ==, side);
  /* Version 3 for this address: 29 modules and 2 × 4 of quiet zone. */
  g_assert_cmpint (side, ==, (29 + 8) * 10);
  data = cairo_image_surface_get_data (qr);
  stride = cairo_image_surface_get_stride (qr);
  /* Quiet zone white, the finder pattern's corner black. */
  g_assert_cmphex (*(const guint32 *) (const void *) data, ==, 0xffffffff);
  g_assert_cmphex (*(const guint32 *) (const void *) (data + 45 * stride + 45 * 4), ==, 0xff000000);
  cairo_surface_destroy (qr);

  g_assert_null (baken_slip_render_qr_image (huge, 4, &error));
  g_assert_error (error, BAKEN_SLIP_RENDER_ERROR, BAKEN_SLIP_RENDER_ERROR_DRAW);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  fixture_init ();

  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    {
      g_autofree char *text = g_strdup_printf ("/print/slip-render/pdf-text/%s", papers[i].name);
      g_autofree char *wrap = g_strdup_printf ("/print/slip-render/long-words/%s", papers[i].name);
      g_autofree char *staff = g_strdup_printf ("/print/slip-render/staff-only-channels/%s",
                                                papers[i].name);

      g_test_add_data_func (text, &papers[i], test_pdf_text);
      g_test_add_data_func (wrap, &papers[i], test_long_words);
      g_test_add_data_func (staff, &papers[i], test_staff_only_channels);
    }
  g_test_add_func ("/print/slip-render/receipt-size", test_receipt_size);
  g_test_add_data_func ("/print/slip-render/golden/receipt-80mm", &papers[0], test_golden);
  g_test_add_data_func ("/print/slip-render/golden/a4", &papers[1], test_golden);
  g_test_add_func ("/print/slip-render/preview-matches-pdf", test_preview_matches_pdf);
  g_test_add_func ("/print/slip-render/async", test_async);
  g_test_add_func ("/print/slip-render/qr-image", test_qr_image);

  status = g_test_run ();

  slip_test_content_close (fixture.catalog);

  return status;
}
