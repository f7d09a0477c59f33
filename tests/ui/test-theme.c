/* test-theme.c: the kiosk's own GTK theme, libadwaita's stylesheet cut to its widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The kiosk names its GTK theme "Baken" (baken-kiosk-setup.c): the rules of libadwaita's
 * stylesheet that can style the CSS nodes of ui/theme-nodes.txt (ui/gen-theme.py). So
 * libadwaita loads no stylesheet of its own, and GTK parses a quarter of it at a start.
 * The test checks the three things that must hold for that:
 *   - the theme is the one in use, and libadwaita's whole stylesheet is not;
 *   - every GTK widget on the screens of residents and clerks has a CSS name that the
 *     theme keeps, or one libadwaita does not style at all;
 *   - each of those screens is drawn pixel for pixel as under libadwaita's whole
 *     stylesheet.
 */
#include "config.h"

#include <string.h>

#include "ui-test-util.h"

#include "baken-context.h"
#include "baken-kiosk-setup.h"
#include "baken-staff-session.h"

#define ADWAITA_STYLES "/org/gnome/Adwaita/styles/"

/* libadwaita's whole stylesheet as it would load it (light), at the theme's priority. */
static GtkCssProvider *
add_whole_stylesheet (void)
{
  g_autoptr(GBytes) colors = g_resources_lookup_data (ADWAITA_STYLES "defaults-light.css",
                                                      0, NULL);
  g_autoptr(GBytes) base = g_resources_lookup_data (ADWAITA_STYLES "base.css", 0, NULL);
  g_autoptr(GString) css = g_string_new (NULL);
  GtkCssProvider *provider = gtk_css_provider_new ();

  g_assert_nonnull (colors);
  g_assert_nonnull (base);
  g_string_append_len (css, g_bytes_get_data (colors, NULL), g_bytes_get_size (colors));
  g_string_append_len (css, g_bytes_get_data (base, NULL), g_bytes_get_size (base));
  gtk_css_provider_load_from_data (provider, css->str, css->len);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_THEME);

  return provider;
}

static void
remove_stylesheet (GtkCssProvider *provider)
{
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                 GTK_STYLE_PROVIDER (provider));
  g_object_unref (provider);
}

/* The node names of ui/theme-nodes.txt. */
static GHashTable *
read_theme_nodes (void)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  GHashTable *nodes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_file_get_contents (THEME_NODES, &text, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *name = g_strstrip (g_strdelimit (lines[i], "#", '\0'));

      if (*name != '\0')
        g_hash_table_add (nodes, g_strdup (name));
    }
  g_assert_cmpuint (g_hash_table_size (nodes), >, 10);

  return nodes;
}

/* Whether libadwaita's stylesheet has a selector with the element name. */
static gboolean
styled_by_libadwaita (const char *css,
                      const char *name)
{
  g_autofree char *pattern = g_strdup_printf ("(^|[\\s>+~,])%s([\\s.:#>+~,{\\[]|$)", name);

  return g_regex_match_simple (pattern, css, G_REGEX_MULTILINE, 0);
}

/* Every widget under widget, hidden or not (a hidden one can be shown later). */
static void
check_nodes (GtkWidget  *widget,
             GHashTable *nodes,
             const char *css,
             GString    *missing)
{
  const char *name = gtk_widget_get_css_name (widget);

  if (!g_hash_table_contains (nodes, name) && styled_by_libadwaita (css, name) &&
      strstr (missing->str, name) == NULL)
    g_string_append_printf (missing, " %s (%s);", name, G_OBJECT_TYPE_NAME (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_nodes (child, nodes, css, missing);
}

/* The screens of a resident, and with staff mode on those of a clerk. */
static const char *const resident_steps[] = {
  "home", "event:le-geld", "services:le-geld-rekeningen", "service:svc-schuldhulp",
  "search:schuld", "print:svc-schuldhulp", "a11y:languages",
};
static const char *const staff_steps[] = {
  "service:svc-schuldhulp", "handover:svc-schuldhulp", "status",
};

typedef void (*ScreenCheck) (BakenWindow *window,
                             const char  *step,
                             gpointer     user_data);

static void
open_step (BakenWindow *window,
           const char  *step)
{
  ui_test_activate (window, "kiosk.home", NULL);
  ui_test_settle (window);
  if (!g_str_equal (step, "home"))
    ui_test_open (window, step);
  if (g_str_has_prefix (step, "print:"))
    ui_test_wait_preview (window);
}

static void
for_each_screen (const char  *language,
                 ScreenCheck  check,
                 gpointer     user_data)
{
  g_autoptr(BakenConfig) config = ui_test_config_new ("[kiosk]\nlanguages = nl;en;ar\n");
  BakenWindow *window = ui_test_window_new (config, FALSE, 1.0, 1080, 1920);
  g_autofree char *lang_step = g_strconcat ("lang:", language, NULL);
  BakenStaffSession *staff;

  ui_test_open (window, lang_step);
  for (guint i = 0; i < G_N_ELEMENTS (resident_steps); i++)
    {
      open_step (window, resident_steps[i]);
      check (window, resident_steps[i], user_data);
      /* The language picker, over the page, closes when the language changes. */
      if (g_str_equal (resident_steps[i], "a11y:languages"))
        {
          ui_test_open (window, "lang:en");
          ui_test_open (window, lang_step);
        }
    }

  staff = baken_context_get_staff (baken_window_get_context (window));
  baken_staff_session_start_unlocked (staff);
  ui_test_settle (window);
  for (guint i = 0; i < G_N_ELEMENTS (staff_steps); i++)
    {
      open_step (window, staff_steps[i]);
      check (window, staff_steps[i], user_data);
    }
  baken_staff_session_end (staff);

  ui_test_window_destroy (window);
}

/* The height of a GtkEntry, a widget the kiosk does not show (so not in the theme). */
static int
entry_height (void)
{
  GtkWidget *entry = g_object_ref_sink (gtk_entry_new ());
  int height;

  gtk_widget_measure (entry, GTK_ORIENTATION_VERTICAL, -1, &height, NULL, NULL, NULL);
  g_object_unref (entry);

  return height;
}

/* GTK_THEME names the kiosk's theme, GTK has it among the resources, and libadwaita's
 * whole stylesheet is not loaded: an entry gets its padding and height only when that
 * stylesheet is added. */
static void
test_theme_in_use (void)
{
  g_autoptr(BakenConfig) config = ui_test_config_new (NULL);
  BakenWindow *window = ui_test_window_new (config, FALSE, 1.0, 1080, 1920);
  GtkCssProvider *whole;
  int themed;
  int whole_height;

  g_assert_cmpstr (g_getenv ("GTK_THEME"), ==, BAKEN_GTK_THEME);
  g_assert_true (g_resources_get_info ("/org/gtk/libgtk/theme/" BAKEN_GTK_THEME "/gtk.css",
                                       0, NULL, NULL, NULL));

  themed = entry_height ();
  whole = add_whole_stylesheet ();
  whole_height = entry_height ();
  remove_stylesheet (whole);
  g_test_message ("an entry is %d px high under the theme, %d under libadwaita's whole "
                  "stylesheet", themed, whole_height);
  g_assert_cmpint (themed, <, whole_height);

  ui_test_window_destroy (window);
}

typedef struct
{
  GHashTable *nodes;
  const char *css;
  GString    *missing;
} NodesCheck;

static void
nodes_check (BakenWindow *window,
             const char  *step,
             gpointer     user_data)
{
  NodesCheck *nodes = user_data;
  g_autoptr(GString) missing = g_string_new (NULL);

  check_nodes (GTK_WIDGET (window), nodes->nodes, nodes->css, missing);
  if (missing->len > 0)
    g_string_append_printf (nodes->missing, "\n  %s:%s", step, missing->str);
}

/* Every GTK widget of these screens, in Dutch and in Arabic, has a CSS name the theme
 * keeps, or one libadwaita's stylesheet has no rule for. */
static void
test_theme_nodes (gconstpointer data)
{
  g_autoptr(GHashTable) nodes = read_theme_nodes ();
  g_autoptr(GBytes) base = g_resources_lookup_data (ADWAITA_STYLES "base.css", 0, NULL);
  g_autofree char *css = g_strndup (g_bytes_get_data (base, NULL), g_bytes_get_size (base));
  g_autoptr(GString) missing = g_string_new (NULL);
  NodesCheck check = { nodes, css, missing };

  /* The check itself: names libadwaita styles are found, Baken's own are not. */
  g_assert_true (styled_by_libadwaita (css, "scrollbar"));
  g_assert_true (styled_by_libadwaita (css, "entry"));
  g_assert_false (styled_by_libadwaita (css, "bakenwindow"));

  for_each_screen (data, nodes_check, &check);
  if (missing->len > 0)
    g_error ("widgets that libadwaita styles and the theme does not (add their names to "
             "ui/theme-nodes.txt):%s", missing->str);
}

static guint
count_different_pixels (cairo_surface_t *a,
                        cairo_surface_t *b)
{
  const guint8 *pixels_a = cairo_image_surface_get_data (a);
  const guint8 *pixels_b = cairo_image_surface_get_data (b);
  int stride = cairo_image_surface_get_stride (a);
  int width = cairo_image_surface_get_width (a);
  int height = cairo_image_surface_get_height (a);
  guint different = 0;

  g_assert_cmpint (width, ==, cairo_image_surface_get_width (b));
  g_assert_cmpint (height, ==, cairo_image_surface_get_height (b));
  for (int y = 0; y < height; y++)
    different += memcmp (pixels_a + y * stride, pixels_b + y * stride, width * 4) != 0
                 ? 1 : 0;

  return different;
}

static void
pixels_check (BakenWindow *window,
              const char  *step,
              gpointer     user_data)
{
  GString *different = user_data;
  cairo_surface_t *themed = ui_test_render_window (window);
  GtkCssProvider *whole = add_whole_stylesheet ();
  cairo_surface_t *as_libadwaita = ui_test_render_window (window);
  guint rows;

  remove_stylesheet (whole);
  ui_test_settle (window);
  rows = count_different_pixels (themed, as_libadwaita);
  g_test_message ("%s: %u rows differ", step, rows);
  if (rows > 0)
    g_string_append_printf (different, " %s (%u rows);", step, rows);
  cairo_surface_destroy (themed);
  cairo_surface_destroy (as_libadwaita);
}

/* Each screen, in Dutch and in Arabic, is drawn the same under the theme and with
 * libadwaita's whole stylesheet added on top of it. */
static void
test_theme_as_libadwaita (gconstpointer data)
{
  g_autoptr(GString) different = g_string_new (NULL);

  for_each_screen (data, pixels_check, different);
  if (different->len > 0)
    g_error ("drawn otherwise than under libadwaita's whole stylesheet:%s", different->str);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/theme/in-use", test_theme_in_use);
  g_test_add_data_func ("/ui/theme/nodes/nl", "nl", test_theme_nodes);
  g_test_add_data_func ("/ui/theme/nodes/ar", "ar", test_theme_nodes);
  g_test_add_data_func ("/ui/theme/as-libadwaita/nl", "nl", test_theme_as_libadwaita);
  g_test_add_data_func ("/ui/theme/as-libadwaita/ar", "ar", test_theme_as_libadwaita);

  return g_test_run ();
}
