/* test-contrast.c: the contrast of every text as it is drawn, on every screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The whole window is rendered to an image, as the kiosk draws it. For every label that
 * is drawn, its text colour is the colour GTK computed for it and its background the
 * colour most of its pixels have; the WCAG 2 contrast ratio of the two must be at least
 * 7:1 with "Meer contrast" on (AAA) and 4.5:1 in the normal style (AA). The text colour
 * must also really be among the label's pixels, so a label that is faded, covered or
 * drawn in another colour than GTK says fails too.
 *
 * The walk covers Home, a life event, its services, a service, the slip (preview,
 * printed and failed), search (empty, results, nothing found), the language picker
 * and "Bent u er nog?", then every screen again with all its buttons pressed, in both
 * orientations, in Dutch and in Arabic (right to left). Checked looks are on the walk:
 * the chosen language in the picker, and the "on" toggles of the accessibility bar.
 * Under the language picker and "Bent u er nog?" only the dialog is measured: the
 * dimmed page behind it is not there to be read.
 *
 * The focus ring is measured the same way, from the pixels of a focused control (a dark
 * and a light button, a pill, a checked language, a tile, a card) in both styles.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "ui-test-util.h"

#include "baken-print-page.h"

typedef struct
{
  const char *name;
  int         width;
  int         height;
} Size;

static const Size portrait = { "portrait", 1080, 1920 };
static const Size landscape = { "landscape", 1920, 1080 };

/* All six languages, so the picker opens; no idle reset during the walk. */
static const char config_text[] =
  "[kiosk]\n"
  "languages = nl;en;ar;tr;pl;uk\n"
  "[idle]\n"
  "timeout = 600\n"
  "countdown = 60\n";

/* WCAG 2: 1.4.6 Contrast (Enhanced) and 1.4.3 Contrast (Minimum). */
#define AAA_RATIO 7.0
#define AA_RATIO  4.5

/* Colours closer than this per channel (0–255) are the same colour: rounding in the
 * renderer and premultiplied alpha. */
#define SAME_COLOUR 6

/* ---- colours ------------------------------------------------------------------------- */

typedef struct
{
  guint8 r;
  guint8 g;
  guint8 b;
} Colour;

static Colour
colour_from_pixel (guint32 pixel)
{
  /* CAIRO_FORMAT_ARGB32, opaque here, so premultiplying changed nothing. */
  return (Colour) { (pixel >> 16) & 0xff, (pixel >> 8) & 0xff, pixel & 0xff };
}

static gboolean
colour_same (Colour a,
             Colour b)
{
  return ABS (a.r - b.r) <= SAME_COLOUR &&
         ABS (a.g - b.g) <= SAME_COLOUR &&
         ABS (a.b - b.b) <= SAME_COLOUR;
}

static guint8
blend_channel (double  fg,
               double  alpha,
               guint8  bg)
{
  return (guint8) CLAMP (round ((fg * alpha + bg / 255.0 * (1.0 - alpha)) * 255.0), 0, 255);
}

/* A text colour (possibly translucent) drawn over an opaque background. */
static Colour
colour_over (const GdkRGBA *fg,
             Colour         bg)
{
  return (Colour) {
    blend_channel (fg->red, fg->alpha, bg.r),
    blend_channel (fg->green, fg->alpha, bg.g),
    blend_channel (fg->blue, fg->alpha, bg.b),
  };
}

static double
linear_channel (guint8 value)
{
  double c = value / 255.0;

  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

/* WCAG 2 relative luminance. */
static double
luminance (Colour c)
{
  return 0.2126 * linear_channel (c.r) +
         0.7152 * linear_channel (c.g) +
         0.0722 * linear_channel (c.b);
}

static double
contrast_ratio (Colour a,
                Colour b)
{
  double la = luminance (a);
  double lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

static char *
colour_to_hex (Colour c)
{
  return g_strdup_printf ("#%02x%02x%02x", c.r, c.g, c.b);
}

static char *
rgba_to_hex (const GdkRGBA *rgba)
{
  int r = (int) round (rgba->red * 255);
  int g = (int) round (rgba->green * 255);
  int b = (int) round (rgba->blue * 255);

  if (rgba->alpha >= 1.0)
    return g_strdup_printf ("#%02x%02x%02x", r, g, b);

  return g_strdup_printf ("#%02x%02x%02x at %.0f%%", r, g, b, rgba->alpha * 100);
}

/* Known contrast ratios, so the formula itself cannot be what passes the test. */
static void
test_ratio (void)
{
  static const struct {
    Colour a;
    Colour b;
    double ratio;
  } cases[] = {
    { { 0x00, 0x00, 0x00 }, { 0xff, 0xff, 0xff }, 21.0 },
    { { 0xff, 0xff, 0xff }, { 0xff, 0xff, 0xff }, 1.0 },
    /* The WCAG AA boundary grey on white, and the house text on the house background. */
    { { 0x76, 0x76, 0x76 }, { 0xff, 0xff, 0xff }, 4.54 },
    { { 0x1a, 0x1a, 0x1a }, { 0xf3, 0xf1, 0xec }, 15.42 },
    { { 0xff, 0xe1, 0x4d }, { 0x00, 0x00, 0x00 }, 16.13 },
  };
  const GdkRGBA half_black = { 0, 0, 0, 0.5 };
  Colour grey;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpfloat_with_epsilon (contrast_ratio (cases[i].a, cases[i].b), cases[i].ratio,
                                      0.01);
      g_assert_cmpfloat_with_epsilon (contrast_ratio (cases[i].b, cases[i].a), cases[i].ratio,
                                      0.01);
    }

  /* Half black over white is mid grey. */
  grey = colour_over (&half_black, (Colour) { 0xff, 0xff, 0xff });
  g_assert_cmpuint (grey.r, ==, 0x80);
  g_assert_cmpuint (grey.g, ==, 0x80);
  g_assert_cmpuint (grey.b, ==, 0x80);
}

/* ---- the drawn window ---------------------------------------------------------------- */

static inline guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return *(const guint32 *) (data + (gsize) y * stride + (gsize) x * 4);
}

typedef struct
{
  guint32 pixel;
  guint   count;
} ColourCount;

static int
compare_count (gconstpointer a,
               gconstpointer b)
{
  const ColourCount *ca = a;
  const ColourCount *cb = b;

  if (ca->count != cb->count)
    return ca->count > cb->count ? -1 : 1;

  return ca->pixel < cb->pixel ? -1 : ca->pixel > cb->pixel;
}

/* The colours of the pixels in rect (whole pixels), most frequent first. */
static GArray *
count_colours (cairo_surface_t *surface,
               int              x0,
               int              y0,
               int              x1,
               int              y1)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  GArray *sorted = g_array_new (FALSE, FALSE, sizeof (ColourCount));
  GHashTableIter iter;
  gpointer key, value;

  for (int y = y0; y < y1; y++)
    {
      int x = x0;

      /* By runs: most of a label is one colour. */
      while (x < x1)
        {
          guint32 pixel = pixel_at (surface, x, y);
          int run = 1;
          gpointer old;

          while (x + run < x1 && pixel_at (surface, x + run, y) == pixel)
            run++;
          x += run;

          /* Opaque pixels only, so 0 is never a key (NULL would mean "absent"). */
          g_assert_cmpuint (pixel >> 24, ==, 0xff);
          old = g_hash_table_lookup (counts, GUINT_TO_POINTER (pixel));
          g_hash_table_insert (counts, GUINT_TO_POINTER (pixel),
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (old) + (guint) run));
        }
    }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      ColourCount entry = { GPOINTER_TO_UINT (key), GPOINTER_TO_UINT (value) };

      g_array_append_val (sorted, entry);
    }
  g_array_sort (sorted, compare_count);

  return sorted;
}

/* ---- checking the labels of one screen ----------------------------------------------- */

/* One test case: what every text needs, and what the screens so far showed. */
typedef struct
{
  BakenWindow *window;
  gboolean     high_contrast;
  double       minimum;      /* the ratio every text needs */
  double       lowest;
  guint        n_on;         /* labels in the look of a toggle that is on */
  GString     *failures;
} Walk;

typedef struct
{
  Walk            *walk;
  const char      *name;
  cairo_surface_t *surface;
  guint            n_checked;
  guint            n_disabled;   /* skipped in the normal style: disabled controls */
  double           lowest;
  char            *lowest_text;
} Screen;

/* A toggle that is on: black on yellow in high contrast, white on the accent in the
 * normal style. */
static const Colour on_high[2] = { { 0x00, 0x00, 0x00 }, { 0xff, 0xe1, 0x4d } };
static const Colour on_normal[2] = { { 0xff, 0xff, 0xff }, { 0x1d, 0x4e, 0x89 } };

static Colour
colour_at (GArray *colours,
           guint   i)
{
  return colour_from_pixel (g_array_index (colours, ColourCount, i).pixel);
}

static void
check_label (Screen          *screen,
             GtkWidget       *label,
             graphene_rect_t *visible)
{
  Walk *walk = screen->walk;
  g_autofree char *text = g_strdup (gtk_label_get_text (GTK_LABEL (label)));
  g_autoptr(GArray) colours = NULL;
  const Colour *on = walk->high_contrast ? on_high : on_normal;
  graphene_rect_t bounds;
  GdkRGBA rgba;
  Colour background, drawn;
  gboolean whole, found = FALSE;
  int x0, y0, x1, y1;
  double ratio;

  g_strstrip (text);
  if (*text == '\0')
    return;

  if (!gtk_widget_compute_bounds (label, GTK_WIDGET (walk->window), &bounds))
    return;
  whole = graphene_rect_contains_rect (visible, &bounds);
  if (!graphene_rect_intersection (&bounds, visible, &bounds))
    return;   /* scrolled out of view */

  /* Whole pixels inside the label. */
  x0 = MAX ((int) ceil (bounds.origin.x), 0);
  y0 = MAX ((int) ceil (bounds.origin.y), 0);
  x1 = MIN ((int) floor (bounds.origin.x + bounds.size.width),
            cairo_image_surface_get_width (screen->surface));
  y1 = MIN ((int) floor (bounds.origin.y + bounds.size.height),
            cairo_image_surface_get_height (screen->surface));
  if (x1 - x0 < 2 || y1 - y0 < 2)
    return;

  /* WCAG asks no contrast of a control that is not available; high contrast does. */
  if (!walk->high_contrast && !gtk_widget_is_sensitive (label))
    {
      screen->n_disabled++;
      return;
    }

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (label), &rgba);
G_GNUC_END_IGNORE_DEPRECATIONS

  colours = count_colours (screen->surface, x0, y0, x1, y1);
  g_assert_cmpuint (colours->len, >, 0);

  /* The background is what most pixels show; the text itself is the minority. */
  background = colour_at (colours, 0);
  drawn = colour_over (&rgba, background);
  if (colour_same (background, drawn) && colours->len > 1)
    {
      background = colour_at (colours, 1);
      drawn = colour_over (&rgba, background);
    }

  /* The text is really drawn in that colour: the inside of its letters has it. (A
   * label partly scrolled out of view may show only the edges of its letters.) */
  for (guint i = 0; i < colours->len && !found; i++)
    found = colour_same (colour_at (colours, i), drawn) &&
            !colour_same (colour_at (colours, i), background);

  ratio = contrast_ratio (drawn, background);
  screen->n_checked++;
  if (ratio < screen->lowest)
    {
      screen->lowest = ratio;
      g_free (screen->lowest_text);
      screen->lowest_text = g_strdup (text);
    }
  if (colour_same (drawn, on[0]) && colour_same (background, on[1]))
    walk->n_on++;

  if (ratio < walk->minimum || (whole && !found))
    {
      g_autofree char *fg_hex = rgba_to_hex (&rgba);
      g_autofree char *bg_hex = colour_to_hex (background);
      g_autofree char *strongest_hex = NULL;
      Colour strongest = background;

      /* What the letters really show: the pixel that stands out most. */
      for (guint i = 0; i < colours->len; i++)
        {
          if (contrast_ratio (colour_at (colours, i), background) >
              contrast_ratio (strongest, background))
            strongest = colour_at (colours, i);
        }
      strongest_hex = colour_to_hex (strongest);

      g_string_append_printf (walk->failures, "\n  %s: “%s” (%s): text %s on %s: %.2f:1",
                              screen->name, text, G_OBJECT_TYPE_NAME (gtk_widget_get_parent (label)),
                              fg_hex, bg_hex, ratio);
      if (!found && whole)
        g_string_append (walk->failures, ", but no pixel of its letters has that colour");
      g_string_append_printf (walk->failures, " (its strongest pixel %s: %.2f:1)",
                              strongest_hex, contrast_ratio (strongest, background));
    }
}

static gboolean
is_drawn (GtkWidget *widget)
{
  return gtk_widget_get_mapped (widget) &&
         gtk_widget_get_width (widget) > 0 &&
         gtk_widget_get_height (widget) > 0 &&
         gtk_widget_get_opacity (widget) > 0;
}

/* An overlay child that covers the whole overlay (the language picker, "Bent u er
 * nog?") is a modal layer: what lies under it is dimmed and not for reading. */
static GtkWidget *
top_layer (GtkWidget *overlay)
{
  GtkWidget *main_child = gtk_overlay_get_child (GTK_OVERLAY (overlay));
  GtkWidget *top = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (overlay);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (child != main_child && is_drawn (child) &&
          gtk_widget_get_width (child) >= gtk_widget_get_width (overlay) &&
          gtk_widget_get_height (child) >= gtk_widget_get_height (overlay))
        top = child;
    }

  return top;
}

static void
check_tree (Screen          *screen,
            GtkWidget       *widget,
            graphene_rect_t *visible)
{
  graphene_rect_t clip = *visible;
  GtkWidget *top;

  if (!is_drawn (widget))
    return;

  /* A scroller shows only what lies inside it. */
  if (gtk_widget_get_overflow (widget) == GTK_OVERFLOW_HIDDEN)
    {
      graphene_rect_t bounds;

      if (!gtk_widget_compute_bounds (widget, GTK_WIDGET (screen->walk->window), &bounds) ||
          !graphene_rect_intersection (&clip, &bounds, &clip))
        return;
    }

  if (GTK_IS_LABEL (widget))
    check_label (screen, widget, &clip);

  if (GTK_IS_OVERLAY (widget) && (top = top_layer (widget)) != NULL)
    {
      check_tree (screen, top, &clip);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_tree (screen, child, &clip);
}

/* Measures every drawn label of the window, adding what fails to walk->failures. At
 * least min_labels are measured. */
static void
check_screen (Walk       *walk,
              const char *name,
              guint       min_labels)
{
  GtkWidget *widget = GTK_WIDGET (walk->window);
  graphene_rect_t visible = GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                gtk_widget_get_height (widget));
  Screen screen = { walk, name, NULL, 0, 0, G_MAXDOUBLE, NULL };

  g_assert_true (gtk_widget_has_css_class (widget, "high-contrast") == walk->high_contrast);

  screen.surface = ui_test_render_window (walk->window);
  check_tree (&screen, widget, &visible);
  cairo_surface_destroy (screen.surface);

  g_test_message ("%s: %u labels measured (%u disabled skipped), lowest %.2f:1 “%s”",
                  name, screen.n_checked, screen.n_disabled, screen.lowest,
                  screen.lowest_text != NULL ? screen.lowest_text : "");
  /* Not a pass for want of labels. */
  g_assert_cmpuint (screen.n_checked, >=, min_labels);

  walk->lowest = MIN (walk->lowest, screen.lowest);
  g_free (screen.lowest_text);
}

static void
collect_buttons (GtkWidget *widget,
                 GPtrArray *buttons)
{
  if (!is_drawn (widget))
    return;

  if (GTK_IS_BUTTON (widget) && gtk_widget_is_sensitive (widget))
    g_ptr_array_add (buttons, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_buttons (child, buttons);
}

/* The screen as it is, then with every button in its pressed look. */
static void
check_screen_and_pressed (Walk       *walk,
                          const char *name,
                          guint       min_labels)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autofree char *pressed_name = g_strdup_printf ("%s, pressed", name);

  check_screen (walk, name, min_labels);

  collect_buttons (GTK_WIDGET (walk->window), buttons);
  g_assert_cmpuint (buttons->len, >, 0);
  for (guint i = 0; i < buttons->len; i++)
    gtk_widget_set_state_flags (g_ptr_array_index (buttons, i), GTK_STATE_FLAG_ACTIVE, FALSE);

  check_screen (walk, pressed_name, min_labels);

  for (guint i = 0; i < buttons->len; i++)
    gtk_widget_unset_state_flags (g_ptr_array_index (buttons, i), GTK_STATE_FLAG_ACTIVE);
  ui_test_settle (walk->window);
}

/* ---- the walk ------------------------------------------------------------------------ */

typedef enum
{
  STEP_OPEN,          /* baken_window_open (open) */
  STEP_PREVIEW,       /* open, then wait for the picture of the slip */
  STEP_PRINT,         /* tap Print, wait for "Neem uw briefje uit de printer" */
  STEP_PRINT_FAILS,   /* the printer goes away, open, wait for the failure screen */
  STEP_LANGUAGES,     /* open the language picker, close it after the check */
} StepKind;

typedef struct
{
  StepKind    kind;
  const char *open;
  const char *name;
  guint       min_labels;
} Step;

static const Step steps[] = {
  { STEP_OPEN, NULL, "home", 6 },
  { STEP_OPEN, "event:le-geld", "event:le-geld", 6 },
  { STEP_OPEN, "services:le-geld-rekeningen", "services:le-geld-rekeningen", 6 },
  { STEP_OPEN, "service:svc-schuldhulp", "service:svc-schuldhulp", 6 },
  { STEP_PREVIEW, "print:svc-schuldhulp", "print:svc-schuldhulp (preview)", 6 },
  { STEP_PRINT, NULL, "print:svc-schuldhulp (printed)", 6 },
  { STEP_PRINT_FAILS, "print:svc-schuldhulp", "print:svc-schuldhulp (failed)", 6 },
  { STEP_OPEN, "search", "search", 6 },
  { STEP_OPEN, "search:deurwaarder", "search:deurwaarder", 6 },
  { STEP_OPEN, "search:qxzvw", "search:qxzvw", 6 },
  { STEP_LANGUAGES, "a11y:languages", "a11y:languages", 6 },
  /* Only the card is read: its title, the explanation, the number and the button. */
  { STEP_OPEN, "idle:prompt", "idle:prompt", 4 },
};

/* The slip folder and the slips in it. */
static void
remove_folder (const char *folder)
{
  g_autoptr(GError) error = NULL;
  GDir *dir = g_dir_open (folder, 0, &error);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_dir_close (dir);
  g_assert_cmpint (g_rmdir (folder), ==, 0);
}

typedef struct
{
  gboolean    high_contrast;
  const Size *size;
  const char *language;
} ContrastCase;

static void
test_contrast (gconstpointer data)
{
  const ContrastCase *test = data;
  g_autoptr(BakenConfig) config = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *slips = NULL;
  Walk walk = {
    .high_contrast = test->high_contrast,
    .minimum = test->high_contrast ? AAA_RATIO : AA_RATIO,
    .lowest = G_MAXDOUBLE,
  };

  /* Slips go to a folder: a printer that works, until the folder goes away. */
  slips = g_dir_make_tmp ("slips-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("BAKEN_PRINT_TO_DIR", slips, TRUE);

  config = ui_test_config_new (config_text);
  walk.window = ui_test_window_new (config, FALSE, 1.0, test->size->width, test->size->height);
  walk.failures = g_string_new (NULL);
  ui_test_activate (walk.window, "kiosk.language", g_variant_new_string (test->language));
  if (test->high_contrast)
    ui_test_activate (walk.window, "a11y.high-contrast", NULL);
  else
    ui_test_activate (walk.window, "a11y.read-aloud", NULL);   /* a toggle in its "on" look */

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      const Step *step = &steps[i];

      switch (step->kind)
        {
        case STEP_OPEN:
        case STEP_LANGUAGES:
          if (step->open != NULL)
            ui_test_open (walk.window, step->open);
          break;

        case STEP_PREVIEW:
          ui_test_open (walk.window, step->open);
          ui_test_wait_preview (walk.window);
          ui_test_wait_print_state (walk.window, "preview", 0);
          break;

        case STEP_PRINT:
          ui_test_press_print (walk.window);
          ui_test_wait_print_state (walk.window, "done", 10000);
          break;

        case STEP_PRINT_FAILS:
          remove_folder (slips);
          ui_test_open (walk.window, step->open);
          ui_test_wait_print_state (walk.window, "failed", 10000);
          break;

        default:
          g_assert_not_reached ();
        }

      check_screen_and_pressed (&walk, step->name, step->min_labels);

      if (step->kind == STEP_LANGUAGES)
        ui_test_activate (walk.window, "a11y.close-languages", NULL);
    }

  g_test_message ("lowest ratio on the walk: %.2f:1 (needed %.1f:1); %u labels in the on look",
                  walk.lowest, walk.minimum, walk.n_on);
  if (walk.failures->len > 0)
    g_error ("text below %.1f:1 or not drawn in its own colour, %s %s in %s:%s", walk.minimum,
             test->high_contrast ? "high contrast" : "normal style", test->size->name,
             test->language, walk.failures->str);
  /* The "on" look (the toggle switched on above, the chosen language) was measured. */
  g_assert_cmpuint (walk.n_on, >, 0);

  g_string_free (walk.failures, TRUE);
  ui_test_window_destroy (walk.window);
  g_unsetenv ("BAKEN_PRINT_TO_DIR");
}

/* ---- the focus ring ------------------------------------------------------------------- */

/* The ring of ui/style.css and ui/style-hc.css: 4 px wide, 3 px from the control. */
#define RING_OFFSET 3
#define RING_WIDTH  4
/* WCAG 2.2, 1.4.11 Non-text Contrast and 2.4.13 Focus Appearance. */
#define RING_RATIO  3.0

typedef struct
{
  const char *step;        /* --open step of the screen */
  const char *action;      /* the action of the button to focus */
  const char *target;      /* its string target, or NULL for the first of any */
} RingCase;

static GtkWidget *
find_button (GtkWidget  *root,
             const char *action,
             const char *target)
{
  g_autoptr(GPtrArray) buttons = ui_test_find_all (root, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    {
      GtkActionable *button = g_ptr_array_index (buttons, i);
      GVariant *value = gtk_actionable_get_action_target_value (button);

      if (g_strcmp0 (gtk_actionable_get_action_name (button), action) == 0 &&
          (target == NULL ||
           (value != NULL && g_str_equal (g_variant_get_string (value, NULL), target))))
        return GTK_WIDGET (button);
    }

  g_error ("no button for %s %s", action, target != NULL ? target : "");
}

static Colour
colour_of_pixel (cairo_surface_t *surface,
                 int              x,
                 int              y)
{
  return colour_from_pixel (pixel_at (surface, x, y));
}

/* A focused control, drawn: the ring (the middle of its band, left of the control and
 * above it) stands 3:1 out from the background it covers, and from the control, either
 * directly or through the gap between them, which then stands 3:1 out from both. */
static void
test_focus_ring (gconstpointer data)
{
  static const RingCase rings[] = {
    { "service:svc-schuldhulp", "kiosk.open-print", NULL },
    { "service:svc-schuldhulp", "kiosk.back", NULL },
    { "service:svc-schuldhulp", "kiosk.search", NULL },
    { "service:svc-schuldhulp", "kiosk.language", "nl" },
    { "service:svc-schuldhulp", "kiosk.language", "en" },
    { "service:svc-schuldhulp", "a11y.read-aloud", NULL },
    { "event:le-geld", "kiosk.open-services", NULL },
    { "services:le-geld-rekeningen", "kiosk.open-service", NULL },
  };
  gboolean high_contrast = GPOINTER_TO_INT (data);
  g_autoptr(BakenConfig) config = ui_test_config_new ("[kiosk]\nlanguages = nl;en\n");
  BakenWindow *window = ui_test_window_new (config, FALSE, 1.0, portrait.width,
                                            portrait.height);
  double lowest = G_MAXDOUBLE;

  if (high_contrast)
    ui_test_activate (window, "a11y.high-contrast", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rings); i++)
    {
      const RingCase *ring = &rings[i];
      cairo_surface_t *before, *after;
      g_autofree char *name = NULL;
      graphene_rect_t bounds;
      GtkWidget *button;
      struct { int x, y, dx, dy; } sides[2];

      ui_test_open (window, ring->step);
      button = find_button (GTK_WIDGET (window), ring->action, ring->target);
      name = g_strdup_printf ("%s %s%s%s", ring->step, ring->action,
                              ring->target != NULL ? " " : "",
                              ring->target != NULL ? ring->target : "");

      gtk_root_set_focus (GTK_ROOT (window), NULL);
      before = ui_test_render_window (window);
      gtk_widget_grab_focus (button);
      gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
      g_assert_true (gtk_widget_has_focus (button));
      after = ui_test_render_window (window);

      g_assert_true (gtk_widget_compute_bounds (button, GTK_WIDGET (window), &bounds));
      /* The left side at half height, and the top side at half width. */
      sides[0].x = (int) floor (bounds.origin.x);
      sides[0].y = (int) (bounds.origin.y + bounds.size.height / 2);
      sides[0].dx = -1;
      sides[0].dy = 0;
      sides[1].x = (int) (bounds.origin.x + bounds.size.width / 2);
      sides[1].y = (int) floor (bounds.origin.y);
      sides[1].dx = 0;
      sides[1].dy = -1;

      for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
        {
          int rx = sides[s].x + sides[s].dx * (RING_OFFSET + RING_WIDTH / 2 + 1);
          int ry = sides[s].y + sides[s].dy * (RING_OFFSET + RING_WIDTH / 2 + 1);
          int gx = sides[s].x + sides[s].dx * 2;
          int gy = sides[s].y + sides[s].dy * 2;
          int cx = sides[s].x - sides[s].dx * 6;
          int cy = sides[s].y - sides[s].dy * 6;
          Colour ring_colour = colour_of_pixel (after, rx, ry);
          Colour background = colour_of_pixel (before, rx, ry);
          Colour gap = colour_of_pixel (after, gx, gy);
          Colour control = colour_of_pixel (after, cx, cy);
          double on_background = contrast_ratio (ring_colour, background);
          double on_control = contrast_ratio (ring_colour, control);
          double through_gap = MIN (contrast_ratio (ring_colour, gap),
                                    contrast_ratio (gap, control));
          double seen = MIN (on_background, MAX (on_control, through_gap));
          g_autofree char *r = colour_to_hex (ring_colour);
          g_autofree char *b = colour_to_hex (background);
          g_autofree char *g = colour_to_hex (gap);
          g_autofree char *c = colour_to_hex (control);

          g_test_message ("%s, %s side: ring %s on %s %.2f:1; control %s %.2f:1, gap %s %.2f:1",
                          name, s == 0 ? "left" : "top", r, b, on_background, c, on_control,
                          g, through_gap);
          if (seen < RING_RATIO)
            g_error ("%s (%s): the focus ring %s is below %.1f:1: on the background %s "
                     "%.2f:1, on the control %s %.2f:1, through the gap %s %.2f:1", name,
                     high_contrast ? "high contrast" : "normal style", r, RING_RATIO, b,
                     on_background, c, on_control, g, through_gap);
          lowest = MIN (lowest, seen);
        }

      cairo_surface_destroy (before);
      cairo_surface_destroy (after);
    }

  g_test_message ("lowest focus ring contrast: %.2f:1", lowest);
  ui_test_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  static const ContrastCase cases[] = {
    { TRUE, &portrait, "nl" }, { TRUE, &landscape, "nl" },
    { FALSE, &portrait, "nl" }, { FALSE, &landscape, "nl" },
    { TRUE, &portrait, "ar" }, { TRUE, &landscape, "ar" },
    { FALSE, &portrait, "ar" }, { FALSE, &landscape, "ar" },
  };

  /* The window's speaker only records. */
  g_setenv ("BAKEN_SPEECH_OUTPUT", "none", TRUE);
  ui_test_init (&argc, &argv);
  /* Measure each look, not a frame of the 200 ms CSS transition between two looks. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/ui/contrast/ratio", test_ratio);
  g_test_add_data_func ("/ui/contrast/focus-ring/normal", GINT_TO_POINTER (FALSE),
                        test_focus_ring);
  g_test_add_data_func ("/ui/contrast/focus-ring/high", GINT_TO_POINTER (TRUE),
                        test_focus_ring);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/ui/contrast/%s/%s/%s",
                                               cases[i].high_contrast ? "high" : "normal",
                                               cases[i].size->name, cases[i].language);

      g_test_add_data_func (name, &cases[i], test_contrast);
    }

  return g_test_run ();
}
