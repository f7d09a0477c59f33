/* test-gtk-fixes.c: the mends for GTK 4.8 faults hold
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkScrolledWindow shown and taken away again, as every page of a resident's visit
 * is, leaves no handler on GtkSettings (baken-gtk-fixes.c): in GTK 4.8 each left one,
 * for the life of the process, pointing at the freed scrolled window.
 *
 * A window painted again and again under an X server without a window manager (this
 * test's Xvfb) does not ask the server for a window manager after each frame: in GTK
 * 4.8 each frame did, a round trip. The test counts those questions in its own
 * XGetWindowProperty (), which the dynamic linker gives GDK (export_dynamic in meson);
 * it forwards to Xlib's. A window realized before Baken installs its mends shows that
 * the count works: it asks after every frame.
 *
 * And the restyling taps of a kiosk window (contrast, text size, language), which
 * paint the whole window, send their frames through one shared-memory pool that stays:
 * the test counts cairo's shmget () calls in its own, as above.
 */
#include "config.h"

#include <dlfcn.h>
#include <gdk/x11/gdkx.h>
#include <sys/shm.h>

#include "ui-test-util.h"

typedef int (*GetPropertyFunc) (Display *, Window, Atom, long, long, Bool, Atom, Atom *,
                                int *, unsigned long *, unsigned long *, unsigned char **);

static Atom  wm_check_atom;   /* _NET_SUPPORTING_WM_CHECK, once the test knows it */
static guint wm_questions;    /* how often anyone read that property */
static guint shm_segments;    /* how many shared-memory segments were made */

/* The C library's, declared in sys/shm.h: this one takes its place in the process. */
int
shmget (key_t  key,
        size_t size,
        int    flags)
{
  static int (*libc_func) (key_t, size_t, int);

  if (libc_func == NULL)
    libc_func = (int (*) (key_t, size_t, int)) dlsym (RTLD_NEXT, "shmget");
  g_assert_nonnull (libc_func);
  shm_segments++;

  return libc_func (key, size, flags);
}

/* Xlib's, declared in Xlib.h: this one takes its place in the process. */
int
XGetWindowProperty (Display        *display,
                    Window          window,
                    Atom            property,
                    long            offset,
                    long            length,
                    Bool            delete,
                    Atom            type,
                    Atom           *actual_type,
                    int            *actual_format,
                    unsigned long  *n_items,
                    unsigned long  *bytes_after,
                    unsigned char **data)
{
  static GetPropertyFunc xlib_func;

  if (xlib_func == NULL)
    xlib_func = (GetPropertyFunc) dlsym (RTLD_NEXT, "XGetWindowProperty");
  g_assert_nonnull (xlib_func);
  if (wm_check_atom != None && property == wm_check_atom)
    wm_questions++;

  return xlib_func (display, window, property, offset, length, delete, type, actual_type,
                    actual_format, n_items, bytes_after, data);
}

static guint
handlers_for (GtkSettings *settings,
              gpointer     data)
{
  guint n = 0;
  gulong id;

  while ((id = g_signal_handler_find (settings, G_SIGNAL_MATCH_DATA | G_SIGNAL_MATCH_UNBLOCKED,
                                      0, 0, NULL, NULL, data)) != 0)
    {
      /* Counted by blocking each one found, then unblocked again below. */
      g_signal_handler_block (settings, id);
      n++;
    }
  g_signal_handlers_unblock_matched (settings, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, data);
  return n;
}

static void
test_scrolled_window_settings (void)
{
  GtkSettings *settings = gtk_settings_get_default ();

  for (guint round = 0; round < 3; round++)
    {
      GtkWidget *window = gtk_window_new ();
      GtkWidget *scrolled = gtk_scrolled_window_new ();

      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), gtk_label_new ("Tekst"));
      gtk_window_set_child (GTK_WINDOW (window), scrolled);
      gtk_window_present (GTK_WINDOW (window));
      while (!gtk_widget_get_realized (scrolled))
        g_main_context_iteration (NULL, TRUE);
      /* GTK listens to the setting while the scrolled window is realized. */
      g_assert_cmpuint (handlers_for (settings, scrolled), ==, 1);

      gtk_widget_unrealize (window);
      g_assert_false (gtk_widget_get_realized (scrolled));
      g_assert_cmpuint (handlers_for (settings, scrolled), ==, 0);
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

static void
count_frame_cb (GdkFrameClock *clock,
                guint         *frames)
{
  (*frames)++;
}

/* How often a window manager was asked for while window painted n frames, each showing
 * label lighter or darker (a frame with nothing new paints nothing; a new size would
 * ask the window manager for other reasons). */
static guint
questions_in_frames (GtkWidget *window,
                     GtkWidget *label,
                     guint      n)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  guint frames = 0;
  guint before = wm_questions;
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (count_frame_cb), &frames);

  for (guint i = 0; i < n; i++)
    {
      guint start = frames;

      gtk_widget_set_opacity (label, gtk_widget_get_opacity (label) > 0.75 ? 0.5 : 1.0);
      while (frames == start)
        g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handler_disconnect (clock, id);
  return wm_questions - before;
}

/* A window with a label, shown and painted: the label is what questions_in_frames ()
 * repaints. */
static GtkWidget *
window_new_shown (GtkWidget **label)
{
  GtkWidget *window = gtk_window_new ();

  *label = gtk_label_new ("Tekst");
  gtk_window_set_child (GTK_WINDOW (window), *label);
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 300);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  /* Mapping asks for a window manager too: for other reasons, once. */
  questions_in_frames (window, *label, 5);

  return window;
}

static GtkWidget *control_window;   /* realized before Baken's mends were installed */
static GtkWidget *control_label;

static void
test_frames_without_window_manager (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  GtkWidget *label;
  GtkWidget *window;
  guint asked_fixed, asked_control;

  g_assert_true (GDK_IS_X11_DISPLAY (display));
  /* xvfb-run starts no window manager. */
  g_assert_false (gdk_x11_screen_supports_net_wm_hint (gdk_x11_display_get_screen (display),
                                                       "_NET_WM_FRAME_DRAWN"));

  /* The count works: GTK's own way asks after every frame. */
  asked_control = questions_in_frames (control_window, control_label, 20);
  g_assert_cmpuint (asked_control, >=, 20);
  /* Hidden, so that it does not paint (a change of focus) while the other one does. */
  gtk_widget_set_visible (control_window, FALSE);

  window = window_new_shown (&label);
  asked_fixed = questions_in_frames (window, label, 20);
  g_assert_cmpuint (asked_fixed, ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Contrast, text size and language, there and back: each paints the whole window. */
static void
restyle_taps (BakenWindow *window)
{
  static const struct { const char *action; const char *there; const char *back; } taps[] = {
    { "a11y.high-contrast", NULL, NULL },
    { "a11y.text-size", "2", "0" },
    { "kiosk.language", "'en'", "'nl'" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (taps); i++)
    for (guint way = 0; way < 2; way++)
      {
        const char *target = way == 0 ? taps[i].there : taps[i].back;
        GVariant *parameter = target != NULL ? g_variant_new_parsed (target) : NULL;

        g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), taps[i].action,
                                                           parameter));
        ui_test_settle (window);
      }
}

static void
test_upload_pool_kept (void)
{
  g_autoptr(BakenConfig) config = ui_test_config_new (NULL);
  BakenWindow *window;
  GdkFrameClock *clock;
  guint frames = 0;
  guint before;
  gulong id;

  /* The count works: cairo made segments for the windows shown so far. */
  g_assert_cmpuint (shm_segments, >=, 1);

  window = ui_test_window_new (config, FALSE, 1.0, 1080, 1920);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (count_frame_cb), &frames);
  restyle_taps (window);   /* each look drawn once: its icons, its fonts */

  before = shm_segments;
  frames = 0;
  for (guint round = 0; round < 4; round++)
    restyle_taps (window);
  g_test_message ("%u frames, %u shared-memory segments made", frames,
                  shm_segments - before);
  g_assert_cmpuint (frames, >=, 24);
  g_assert_cmpuint (shm_segments - before, ==, 0);

  g_signal_handler_disconnect (clock, id);
  ui_test_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  /* Before ui_test_init () starts the application, which installs the mends. */
  gtk_init ();
  wm_check_atom = gdk_x11_get_xatom_by_name_for_display (gdk_display_get_default (),
                                                         "_NET_SUPPORTING_WM_CHECK");
  control_window = window_new_shown (&control_label);

  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/gtk-fixes/scrolled-window-settings", test_scrolled_window_settings);
  g_test_add_func ("/ui/gtk-fixes/frames-without-window-manager",
                   test_frames_without_window_manager);
  g_test_add_func ("/ui/gtk-fixes/upload-pool-kept", test_upload_pool_kept);

  return g_test_run ();
}
