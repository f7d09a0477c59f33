/* baken-application.c: command line, config and the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   baken [--kiosk] [--config FILE] [--size WxH | --portrait | --landscape] [--open STEP…]
 *
 * The config (and the content it names) is loaded before any window: an error is
 * printed and the exit status is 1. Without --config, /etc/baken/kiosk.conf is used
 * when it exists, else the defaults (the embedded demo content).
 *
 * Development only (refused or ignored with --kiosk): --size, --portrait, --landscape,
 * --open (see baken_window_open()), and the environment variable BAKEN_IDLE_SCALE
 * (a factor for the idle timeout and countdown, e.g. 0.01 for tests).
 *
 * BAKEN_REPORT_FIRST_FRAME=1 prints "first-frame-ms N" (milliseconds from the start of
 * main() to the end of the first painted frame) on stdout; with
 * BAKEN_QUIT_AFTER_FIRST_FRAME=1 as well, the application quits right after.
 */
#define G_LOG_DOMAIN "baken-application"

#include "config.h"

#include "baken-application.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "baken-context.h"
#include "baken-window.h"

#define SYSTEM_CONFIG_PATH SYSCONFDIR "/baken/kiosk.conf"

struct _BakenApplication
{
  AdwApplication  parent_instance;

  /* Options */
  gboolean        kiosk;
  int             width;
  int             height;
  GStrv           open_steps;    /* (owned) (nullable) */
  double          idle_scale;

  /* Built before the first window */
  BakenContext   *context;       /* (owned) (nullable) */

  /* First frame */
  gint64          start_time_us;
  gulong          after_paint_id;
  GdkFrameClock  *frame_clock;   /* (unowned) while after_paint_id is connected */
};

G_DEFINE_FINAL_TYPE (BakenApplication, baken_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "kiosk", 'k', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    "Run as the kiosk: fullscreen and locked down", NULL },
  { "config", 'c', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    "Read the configuration from FILE (default: " SYSTEM_CONFIG_PATH ")", "FILE" },
  { "size", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    "Window size when not in kiosk mode (default 1080x1920)", "WxH" },
  { "portrait", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    "Window of 1080x1920 (the default)", NULL },
  { "landscape", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    "Window of 1920x1080", NULL },
  { "open", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING_ARRAY, NULL,
    "Development: go to a screen (event:ID, services:ID, service:ID, lang:CODE, "
    "idle:prompt); may be repeated", "STEP" },
  { NULL }
};

static gboolean
parse_size (const char *text,
            int        *width,
            int        *height)
{
  g_auto(GStrv) parts = g_strsplit (text, "x", 2);
  guint64 w, h;

  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 200, 10000, &w, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 200, 10000, &h, NULL))
    return FALSE;

  *width = (int) w;
  *height = (int) h;

  return TRUE;
}

static BakenConfig *
load_config (const char  *path,
             GError     **error)
{
  if (path != NULL)
    return baken_config_load (path, error);

  if (g_file_test (SYSTEM_CONFIG_PATH, G_FILE_TEST_EXISTS))
    return baken_config_load (SYSTEM_CONFIG_PATH, error);

  return baken_config_new ();
}

static gboolean
quit_cb (gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));

  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock    *frame_clock,
                BakenApplication *self)
{
  gint64 elapsed_us = g_get_monotonic_time () - self->start_time_us;
  const char *quit = g_getenv ("BAKEN_QUIT_AFTER_FIRST_FRAME");

  g_clear_signal_handler (&self->after_paint_id, frame_clock);
  self->frame_clock = NULL;

  g_print ("first-frame-ms %" G_GINT64_FORMAT "\n", elapsed_us / 1000);
  fflush (stdout);

  if (g_strcmp0 (quit, "1") == 0)
    g_idle_add_full (G_PRIORITY_LOW, quit_cb, g_object_ref (self), g_object_unref);
}

static void
window_realize_cb (GtkWidget        *window,
                   BakenApplication *self)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (window);

  g_signal_handlers_disconnect_by_func (window, window_realize_cb, self);

  self->frame_clock = frame_clock;
  self->after_paint_id = g_signal_connect (frame_clock, "after-paint",
                                           G_CALLBACK (after_paint_cb), self);
}

static int
baken_application_handle_local_options (GApplication *application,
                                        GVariantDict *options)
{
  BakenApplication *self = BAKEN_APPLICATION (application);
  g_autoptr(BakenConfig) config = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *config_path = NULL;
  const char *size = NULL;
  const char *scale;
  gboolean portrait = FALSE, landscape = FALSE;

  g_variant_dict_lookup (options, "kiosk", "b", &self->kiosk);
  g_variant_dict_lookup (options, "config", "^ay", &config_path);
  g_variant_dict_lookup (options, "size", "&s", &size);
  g_variant_dict_lookup (options, "portrait", "b", &portrait);
  g_variant_dict_lookup (options, "landscape", "b", &landscape);
  g_variant_dict_lookup (options, "open", "^as", &self->open_steps);

  if ((size != NULL) + portrait + landscape > 1)
    {
      g_printerr ("baken: give only one of --size, --portrait and --landscape\n");
      return 1;
    }

  if (size != NULL && !parse_size (size, &self->width, &self->height))
    {
      g_printerr ("baken: --size %s: give WIDTHxHEIGHT in pixels, e.g. 1080x1920\n", size);
      return 1;
    }

  if (landscape)
    {
      self->width = 1920;
      self->height = 1080;
    }

  if (self->kiosk && self->open_steps != NULL)
    {
      g_printerr ("baken: --open is for development and is not available with --kiosk\n");
      return 1;
    }

  /* Test-only speed-up of the idle reset, never on a real kiosk. */
  scale = g_getenv ("BAKEN_IDLE_SCALE");
  if (scale != NULL && !self->kiosk)
    {
      double value = g_ascii_strtod (scale, NULL);

      if (!(value > 0.0001 && value <= 100))
        {
          g_printerr ("baken: BAKEN_IDLE_SCALE=%s: give a factor like 0.01\n", scale);
          return 1;
        }
      self->idle_scale = value;
    }

  config = load_config (config_path, &error);
  if (config == NULL)
    {
      g_printerr ("baken: %s\n", error->message);
      return 1;
    }

  self->context = baken_context_load (config, &error);
  if (self->context == NULL)
    {
      g_printerr ("baken: cannot open the content: %s\n", error->message);
      return 1;
    }

  return -1;
}

static void
baken_application_startup (GApplication *application)
{
  G_APPLICATION_CLASS (baken_application_parent_class)->startup (application);

  /* Dark text on a light background, always: the kiosk does not follow a desktop. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
}

static void
baken_application_activate (GApplication *application)
{
  BakenApplication *self = BAKEN_APPLICATION (application);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  /* Activated without going through the command line (tests): the defaults. */
  if (self->context == NULL)
    {
      g_autoptr(BakenConfig) config = baken_config_new ();

      self->context = baken_context_load (config, &error);
      if (self->context == NULL)
        g_error ("Cannot open the embedded content: %s", error->message);
    }

  window = GTK_WINDOW (baken_window_new (GTK_APPLICATION (self), self->context, self->kiosk,
                                         self->idle_scale));

  if (!self->kiosk)
    gtk_window_set_default_size (window,
                                 self->width > 0 ? self->width : 1080,
                                 self->height > 0 ? self->height : 1920);

  if (g_strcmp0 (g_getenv ("BAKEN_REPORT_FIRST_FRAME"), "1") == 0)
    g_signal_connect (window, "realize", G_CALLBACK (window_realize_cb), self);

  for (guint i = 0; self->open_steps != NULL && self->open_steps[i] != NULL; i++)
    {
      if (!baken_window_open (BAKEN_WINDOW (window), self->open_steps[i], &error))
        {
          g_printerr ("baken: --open %s: %s\n", self->open_steps[i], error->message);
          g_clear_error (&error);
        }
    }

  gtk_window_present (window);
}

static void
baken_application_dispose (GObject *object)
{
  BakenApplication *self = BAKEN_APPLICATION (object);

  if (self->frame_clock != NULL)
    g_clear_signal_handler (&self->after_paint_id, self->frame_clock);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (baken_application_parent_class)->dispose (object);
}

static void
baken_application_finalize (GObject *object)
{
  BakenApplication *self = BAKEN_APPLICATION (object);

  g_strfreev (self->open_steps);

  G_OBJECT_CLASS (baken_application_parent_class)->finalize (object);
}

static void
baken_application_class_init (BakenApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = baken_application_dispose;
  object_class->finalize = baken_application_finalize;

  application_class->handle_local_options = baken_application_handle_local_options;
  application_class->startup = baken_application_startup;
  application_class->activate = baken_application_activate;
}

static void
baken_application_init (BakenApplication *self)
{
  self->idle_scale = 1.0;

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            "Baken: where to get help, on a touch screen.");
}

BakenApplication *
baken_application_new (gint64 start_time_us)
{
  BakenApplication *self;

  self = g_object_new (BAKEN_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "resource-base-path", "/nl/baken/Kiosk",
                       "flags", G_APPLICATION_NON_UNIQUE,
                       NULL);
  self->start_time_us = start_time_us;

  return self;
}
