/* baken-application.c: command line, config and the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   baken [--kiosk] [--config FILE] [--size WxH | --portrait | --landscape] [--open STEP…]
 *
 *   baken --sync-now                  ask the running kiosk to sync now
 *   baken --sync-from DIR             apply the bundle in folder DIR (a USB stick)
 *   baken --export-reports DIR        copy the monitor's reports to DIR (a USB stick)
 *
 * The config is loaded before any window: an error is printed and the exit status is 1.
 * Without --config, /etc/baken/kiosk.conf is used when it exists, else the defaults (the
 * embedded demo content). The content is verified in a worker thread while GTK starts
 * (baken-kiosk-content.h: the sync store's current bundle, [content] path, the demo);
 * the window waits for it. --state-dir DIR keeps the bundles and the sync state in DIR
 * (default: baken_sync_dup_default_state_dir (); development windows always use
 * $XDG_STATE_HOME/baken).
 *
 * The application is unique on the session bus: a second `baken` presents the running
 * window, and --sync-now / --sync-from activate the actions "sync-now" and "sync-from"
 * of the running kiosk. With no kiosk running, --sync-now prints so and exits 1, and
 * --sync-from applies the bundle on its own and prints the result (exit status 0:
 * installed or unchanged, 1: failed, 2: refused). The development options below, and
 * BAKEN_NON_UNIQUE=1 (tests), make it non-unique.
 *
 * Development only (refused or ignored with --kiosk): --size, --portrait, --landscape,
 * --open (see baken_window_open()), --clock TIME (the kiosk's clock starts at TIME and
 * runs on: every screen, content check and badge), and the environment variable
 * BAKEN_IDLE_SCALE
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

#include "baken-app-link.h"
#include "baken-context.h"
#include "baken-first-frame.h"
#include "baken-gtk-fixes.h"
#include "baken-kiosk-content.h"
#include "baken-kiosk-setup.h"
#include "baken-report-command.h"
#include "baken-state.h"
#include "baken-sync.h"
#include "baken-sync-command.h"
#include "baken-window.h"

struct _BakenApplication
{
  AdwApplication  parent_instance;

  /* Options */
  gboolean        kiosk;
  gboolean        desk;          /* --desk: a window for the desk PC, staff mode from start */
  int             width;
  int             height;
  GStrv           open_steps;    /* (owned) (nullable) */
  double          idle_scale;

  /* Built before the first window */
  BakenConfig    *config;        /* (owned) (nullable) */
  BakenSync      *sync;          /* (owned) (nullable) without a usable state folder */
  BakenKioskContent *content;    /* (owned) (nullable) verifying while GTK starts */
  char           *content_state_dir; /* (owned) (nullable) for startup to open the store */
  BakenClock     *content_clock;  /* (owned) (nullable) for startup, until it opens it */
  BakenContext   *context;       /* (owned) (nullable) */
  char           *pending_folder; /* (owned) (nullable) a --sync-from waiting for a sync */

  /* First frame */
  gint64          start_time_us;
  BakenFirstFrame *first_frame;  /* (owned) (nullable) until the first window */
};

G_DEFINE_FINAL_TYPE (BakenApplication, baken_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "kiosk", 'k', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    "Run as the kiosk: fullscreen and locked down", NULL },
  { "desk", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    "Run at the desk: a normal window for keyboard and mouse, in staff mode (PIN first "
    "unless [staff] desk-pin = false)", NULL },
  { "hash-pin", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    "Read a staff PIN on standard input and print the [staff] pin-hash line for kiosk.conf",
    NULL },
  { "config", 'c', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    "Read the configuration from FILE (default: " BAKEN_SYSTEM_CONFIG_PATH ")", "FILE" },
  { "size", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    "Window size when not in kiosk mode (default 1080x1920)", "WxH" },
  { "portrait", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    "Window of 1080x1920 (the default)", NULL },
  { "landscape", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    "Window of 1920x1080", NULL },
  { "open", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING_ARRAY, NULL,
    "Development: go to a screen (event:ID, services:ID, service:ID, print:ID, lang:CODE, "
    "idle:prompt); may be repeated", "STEP" },
  { "clock", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    "Development: run the kiosk's clock from TIME (2026-12-25T10:00, Amsterdam time)",
    "TIME" },
  { "sync-now", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    "Ask the running kiosk to sync from its [sync] url now", NULL },
  { "sync-from", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    "Apply the bundle in folder DIR (e.g. a USB stick) with the same checks as a sync: "
    "through the running kiosk, or on its own when none runs", "DIR" },
  { "export-reports", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    "Write the monitor's daily reports that were not uploaded yet, and today's so far, "
    "into DIR/KIOSK-ID (e.g. a USB stick)", "DIR" },
  { "state-dir", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    "Keep the installed bundles and the sync state in DIR (default: /var/lib/baken for "
    "the kiosk service, else $XDG_STATE_HOME/baken)", "DIR" },
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

static int
baken_application_handle_local_options (GApplication *application,
                                        GVariantDict *options)
{
  BakenApplication *self = BAKEN_APPLICATION (application);
  g_autoptr(BakenConfig) config = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *config_path = NULL;
  g_autofree char *sync_from = NULL;
  g_autofree char *state_dir = NULL;
  g_autofree char *export_reports = NULL;
  const char *size = NULL;
  const char *clock_text = NULL;
  g_autoptr(BakenClock) clock = NULL;
  const char *scale;
  gboolean portrait = FALSE, landscape = FALSE, sync_now = FALSE, dev;

  g_variant_dict_lookup (options, "kiosk", "b", &self->kiosk);
  g_variant_dict_lookup (options, "desk", "b", &self->desk);
  g_variant_dict_lookup (options, "config", "^ay", &config_path);
  g_variant_dict_lookup (options, "size", "&s", &size);
  g_variant_dict_lookup (options, "portrait", "b", &portrait);
  g_variant_dict_lookup (options, "landscape", "b", &landscape);
  g_variant_dict_lookup (options, "open", "^as", &self->open_steps);
  g_variant_dict_lookup (options, "sync-now", "b", &sync_now);
  g_variant_dict_lookup (options, "sync-from", "^ay", &sync_from);
  g_variant_dict_lookup (options, "state-dir", "^ay", &state_dir);
  g_variant_dict_lookup (options, "export-reports", "^ay", &export_reports);
  g_variant_dict_lookup (options, "clock", "&s", &clock_text);
  dev = size != NULL || portrait || landscape || self->open_steps != NULL || clock_text != NULL;

  if (export_reports != NULL)
    {
      if (dev || self->kiosk || sync_now || sync_from != NULL)
        {
          g_printerr ("baken: give --export-reports only with --config and --state-dir\n");
          return 1;
        }
      return baken_report_command_run (export_reports, config_path, state_dir);
    }

  if (sync_now || sync_from != NULL)
    {
      if (sync_now && sync_from != NULL)
        {
          g_printerr ("baken: give only one of --sync-now and --sync-from\n");
          return 1;
        }
      if (dev || self->kiosk)
        {
          g_printerr ("baken: --sync-now and --sync-from ask the running kiosk; give them "
                      "without window options\n");
          return 1;
        }
      return baken_sync_command_run (application, sync_now, sync_from, config_path,
                                     state_dir);
    }

  /* Development windows and tests may run next to a kiosk. */
  if (dev || g_strcmp0 (g_getenv ("BAKEN_NON_UNIQUE"), "1") == 0)
    g_application_set_flags (application,
                             g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);

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

  if (self->kiosk && self->desk)
    {
      g_printerr ("baken: give only one of --kiosk and --desk\n");
      return 1;
    }

  if (self->kiosk && self->open_steps != NULL)
    {
      g_printerr ("baken: --open is for development and is not available with --kiosk\n");
      return 1;
    }

  if (self->kiosk && clock_text != NULL)
    {
      g_printerr ("baken: --clock is for development and is not available with --kiosk\n");
      return 1;
    }

  if (clock_text != NULL)
    {
      g_autoptr(GDateTime) start = baken_clock_parse_time (clock_text, &error);

      if (start == NULL)
        {
          g_printerr ("baken: --clock: %s\n", error->message);
          return 1;
        }
      clock = baken_clock_new_starting_at (start);
    }
  else
    {
      clock = baken_clock_new ();
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

  config = baken_kiosk_setup_load_config (config_path, &error);
  if (config == NULL)
    {
      g_printerr ("baken: %s\n", error->message);
      return 1;
    }

  /* Never an open door: the desk needs a PIN, or an explicit "no PIN at this desk". */
  if (self->desk && config->staff_desk_pin && config->staff_pin_hash == NULL)
    {
      g_printerr ("baken: --desk: kiosk.conf has no [staff] pin-hash; make one with "
                  "\"baken --hash-pin\" and put it under [staff], or set [staff] desk-pin = "
                  "false for a desk PC that staff alone can reach\n");
      return 1;
    }
  if (self->desk && self->width == 0)
    {
      self->width = 1280;
      self->height = 960;
    }

  /* Development windows and tests keep their own state, never the kiosk service's
   * /var/lib/baken, even when they run as root. */
  if (state_dir == NULL && (dev || g_strcmp0 (g_getenv ("BAKEN_NON_UNIQUE"), "1") == 0))
    state_dir = g_build_filename (g_get_user_state_dir (), "baken", NULL);

  /* The sync store and the content are opened by startup, which runs in the first
   * `baken` only: a second one only presents the running kiosk and must not touch the
   * store (each open counts towards the fallback). */
  self->config = baken_config_ref (config);
  self->content_state_dir = g_steal_pointer (&state_dir);
  self->content_clock = g_steal_pointer (&clock);
  if (!g_application_register (application, NULL, &error))
    {
      g_printerr ("baken: %s\n", error->message);
      return 1;
    }

  return -1;
}

static void
run_pending_folder (BakenApplication *self)
{
  g_autofree char *folder = NULL;

  if (self->pending_folder == NULL || baken_sync_get_busy (self->sync))
    return;

  folder = g_steal_pointer (&self->pending_folder);
  g_signal_handlers_disconnect_by_func (self->sync, run_pending_folder, self);
  baken_sync_run_async (self->sync, folder, NULL, baken_sync_command_report_done, NULL);
}

static void
sync_now_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  BakenApplication *self = BAKEN_APPLICATION (user_data);

  if (self->sync == NULL)
    g_message ("baken --sync-now: this kiosk has no usable state folder, so no sync");
  else if (!baken_sync_sync_now (self->sync))
    g_message ("baken --sync-now: no [sync] url is configured");
  else
    g_message ("baken --sync-now: syncing now");
}

static void
sync_from_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  BakenApplication *self = BAKEN_APPLICATION (user_data);
  const char *folder = g_variant_get_string (parameter, NULL);

  if (self->sync == NULL)
    {
      g_message ("baken --sync-from: this kiosk has no usable state folder, so no sync");
      return;
    }

  g_message ("baken --sync-from %s: applying it after the running sync, if any", folder);
  if (self->pending_folder == NULL)
    g_signal_connect_swapped (self->sync, "notify::busy", G_CALLBACK (run_pending_folder),
                              self);
  g_free (self->pending_folder);
  self->pending_folder = g_strdup (folder);
  run_pending_folder (self);
}

static const GActionEntry app_actions[] = {
  { "sync-now", sync_now_activated, NULL, NULL, NULL, { 0 } },
  { "sync-from", sync_from_activated, "s", NULL, NULL, { 0 } },
};

/* The content of the command line's config starts to be verified in its worker thread
 * (baken-kiosk-content.h), beside GTK and libadwaita starting. */
static void
open_content (BakenApplication *self)
{
  g_autoptr(BakenClock) clock = g_steal_pointer (&self->content_clock);
  g_autofree char *state_dir = g_steal_pointer (&self->content_state_dir);

  if (self->config == NULL || self->content != NULL)
    return;
  if (clock == NULL)
    clock = baken_clock_new ();
  self->sync = baken_kiosk_setup_open_sync (self->config, state_dir);
  self->content = baken_kiosk_content_new_at (self->config, self->sync, clock);
}

static void
baken_application_startup (GApplication *application)
{
  BakenApplication *self = BAKEN_APPLICATION (application);

  baken_first_frame_phase (self->start_time_us, "registered");
  open_content (self);
  baken_first_frame_phase (self->start_time_us, "content-started");
  baken_kiosk_setup_open_display ();
  baken_first_frame_phase (self->start_time_us, "display-opened");
  G_APPLICATION_CLASS (baken_application_parent_class)->startup (application);
  baken_first_frame_phase (self->start_time_us, "styles-loaded");
  baken_gtk_fixes_install ();

  /* `baken --sync-now` and `baken --sync-from DIR` of another process land here. */
  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);

  /* Dark text on a light background, always: the kiosk does not follow a desktop. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
}

/* The state DB of the sync's folder, for the print log, the staff PIN lock and the
 * monitor's counts. */
static void
attach_state (BakenApplication *self)
{
  g_autoptr(BakenMonitor) monitor = NULL;
  g_autofree char *path = NULL;
  g_autoptr(BakenState) state = NULL;
  g_autoptr(GError) error = NULL;

  if (self->sync == NULL)
    return;
  path = g_build_filename (baken_sync_get_state_dir (self->sync), "state.sqlite", NULL);
  state = baken_state_open (path, &error);
  if (state == NULL)
    {
      g_message ("No print log, no lasting staff PIN lock, no counts: %s", error->message);
      return;
    }
  baken_context_set_state (self->context, state);

  /* The anonymous daily counts and their reports ([monitor]). */
  monitor = baken_monitor_new (&self->config->monitor, &self->config->sync,
                               baken_sync_get_state_dir (self->sync),
                               baken_context_get_languages (self->context),
                               baken_context_get_clock (self->context));
  baken_context_set_monitor (self->context, monitor);
  baken_monitor_start (monitor);
}

/* The desk is for staff: staff mode at the start and again whenever it ends (after
 * "Klaar" or a while without input) — with the PIN, unless this desk has none. */
static void
enter_staff_mode (BakenApplication *self)
{
  GtkWindow *window = baken_app_link_get_window (G_APPLICATION (self));
  BakenStaffSession *session = baken_context_get_staff (self->context);

  if (baken_staff_session_get_active (session) || window == NULL)
    return;
  if (self->config->staff_desk_pin)
    gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.staff-enter", NULL);
  else
    baken_staff_session_start_unlocked (session);
}

static void
start_desk (BakenApplication *self,
            GtkWindow        *window)
{
  gtk_window_set_resizable (window, TRUE);
  baken_app_link_desk_keys (window);
  enter_staff_mode (self);
  g_signal_connect_object (baken_context_get_staff (self->context), "notify::active",
                           G_CALLBACK (enter_staff_mode), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

static void
baken_application_activate (GApplication *application)
{
  BakenApplication *self = BAKEN_APPLICATION (application);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  window = baken_app_link_get_window (G_APPLICATION (self));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->context == NULL && self->content != NULL)
    {
      self->context = baken_context_new_for_content (self->config, self->content);
      attach_state (self);
      baken_first_frame_phase (self->start_time_us, "content-ready");
    }

  /* Activated without going through the command line (tests): the defaults. */
  if (self->context == NULL)
    {
      g_autoptr(BakenConfig) config = baken_config_new ();

      self->context = baken_context_load (config, &error);
      if (self->context == NULL)
        g_error ("Cannot open the embedded content: %s", error->message);
    }

  /* Before the window: its parts are built for the desk or for a kiosk. */
  baken_context_set_desk (self->context, self->desk);
  window = GTK_WINDOW (baken_window_new (GTK_APPLICATION (self), self->context, self->kiosk,
                                         self->idle_scale));
  baken_first_frame_phase (self->start_time_us, "window-built");

  if (!self->kiosk)
    gtk_window_set_default_size (window,
                                 self->width > 0 ? self->width : 1080,
                                 self->height > 0 ? self->height : 1920);

  /* The first painted frame: READY=1 for the service manager, and the figure for
   * BAKEN_REPORT_FIRST_FRAME=1. */
  if (self->first_frame == NULL)
    self->first_frame = baken_first_frame_new (application, self->start_time_us);
  baken_first_frame_watch (self->first_frame, GTK_WIDGET (window));

  /* Staff mode first, so --open can go to a staff screen at the desk. */
  if (self->desk)
    start_desk (self, window);

  for (guint i = 0; self->open_steps != NULL && self->open_steps[i] != NULL; i++)
    {
      if (!baken_window_open (BAKEN_WINDOW (window), self->open_steps[i], &error))
        {
          g_printerr ("baken: --open %s: %s\n", self->open_steps[i], error->message);
          g_clear_error (&error);
        }
    }

  gtk_window_present (window);

  if (self->sync != NULL && self->config->sync.url != NULL)
    baken_sync_start (self->sync);
}

static void
baken_application_dispose (GObject *object)
{
  BakenApplication *self = BAKEN_APPLICATION (object);

  g_clear_object (&self->first_frame);
  g_clear_object (&self->context);
  g_clear_object (&self->content);
  g_clear_object (&self->content_clock);
  if (self->sync != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->sync, run_pending_folder, self);
      baken_sync_stop (self->sync);
    }
  g_clear_object (&self->sync);

  G_OBJECT_CLASS (baken_application_parent_class)->dispose (object);
}

static void
baken_application_finalize (GObject *object)
{
  BakenApplication *self = BAKEN_APPLICATION (object);

  g_strfreev (self->open_steps);
  g_clear_pointer (&self->config, baken_config_unref);
  g_free (self->pending_folder);
  g_free (self->content_state_dir);

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
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
  self->start_time_us = start_time_us;

  return self;
}
