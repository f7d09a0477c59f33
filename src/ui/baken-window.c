/* baken-window.c: the kiosk window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A top bar with the language switch, the current page, and Back/Home at the bottom.
 * Each step of the history shows its page, and each language its bars, as built in it
 * (baken-navigator.c). Pages never reach up here: their buttons activate the kiosk.*
 * actions (baken-kiosk-actions.c says where each goes).
 *
 * The window holds the language and puts its parts together; each part has its own
 * job and reports back by signal or callback, never by calling the window:
 *
 *   BakenTopBar          the kiosk's name, "Zoeken", the language switch
 *   BakenNavigator       the history and its pages
 *   BakenResidentAccess  accessibility bar, reading aloud, speech mode, keypad, keys
 *   BakenStaffController the way into staff mode, and its banner
 *   BakenResidentReset   the idle prompt and the reset between residents, new content
 *   baken-open-steps.c   --open
 */
#define G_LOG_DOMAIN "baken-window"

#include "config.h"

#include "baken-window.h"

#include <glib/gi18n.h>

#include "baken-a11y-bar.h"
#include "baken-app-link.h"
#include "baken-direction.h"
#include "baken-kiosk-actions.h"
#include "baken-languages.h"
#include "baken-nav-bar.h"
#include "baken-navigator.h"
#include "baken-open-steps.h"
#include "baken-reach-bin.h"
#include "baken-screen-frame.h"
#include "baken-resident-access.h"
#include "baken-resident-reset.h"
#include "baken-staff-controller.h"
#include "baken-top-bar.h"

struct _BakenWindow
{
  AdwApplicationWindow   parent_instance;

  /* Inputs */
  BakenContext          *context;          /* (owned) */
  gboolean               kiosk;
  double                 idle_scale;

  /* Template children */
  GtkWidget             *content;
  BakenTopBar           *topbar;
  GtkStack              *stack;
  AdwBin                *nav_slot;
  AdwBin                *prompt_slot;
  BakenReachBin         *reach_bin;
  AdwBin                *a11y_slot;
  AdwBin                *picker_slot;
  AdwBin                *banner_slot;
  AdwBin                *staff_slot;

  /* Navigation */
  char                  *language;         /* (owned) */
  BakenNavigator        *navigator;        /* (owned) the history and its pages */
  GHashTable            *nav_bars;         /* (owned) language → nav bar (a ref), kept */
  GHashTable            *a11y_bars;        /* (owned) language → a11y bar (a ref), kept */

  /* The parts the window uses; each reports back by signal or callback */
  BakenResidentAccess   *access;           /* (owned) a11y, speech mode, keypad, keys */
  BakenA11yController   *a11y;             /* (unowned) the access's */
  BakenStaffController  *staff;            /* (owned) */
  BakenResidentReset    *reset;            /* (owned) the idle timer and new content too */
};

G_DEFINE_FINAL_TYPE (BakenWindow, baken_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_KIOSK,
  PROP_IDLE_SCALE,
  PROP_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_actions (BakenWindow *self)
{
  gboolean away = baken_navigator_get_depth (self->navigator) > 1;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kiosk.back", away);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kiosk.home", away);
}

/* A new page is in the stack. */
static void
page_shown_cb (BakenWindow *self)
{
  update_actions (self);
  baken_resident_access_page_shown (self->access);
}

/* Something happened: a tap, a key, a new page ("activity" of the parts). */
static void
poke (BakenWindow *self)
{
  if (self->reset != NULL)
    baken_resident_reset_poke (self->reset);
}

/* The kiosk.* actions of the pages and the bars: each goes somewhere, and is input. */
static void
kiosk_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BakenWindow *self = BAKEN_WINDOW (widget);

  switch (baken_kiosk_actions_run (self->navigator, self->context, action_name, parameter))
    {
    case BAKEN_KIOSK_REQUEST_FAILED:
      return;
    case BAKEN_KIOSK_REQUEST_STAFF_ENTER:
      baken_staff_controller_open_pad (self->staff);
      break;
    case BAKEN_KIOSK_REQUEST_STAFF_DONE:
      baken_resident_reset_run (self->reset);
      break;
    case BAKEN_KIOSK_REQUEST_NONE:
    default:
      break;
    }

  /* Every one, "more-time" too, is input: the idle prompt goes away. */
  poke (self);
}

/* The UI language changed: gettext, text direction, the language button. */
static void
apply_language (BakenWindow *self)
{
  baken_language_apply (self->language);
  if (self->navigator != NULL)
    baken_navigator_set_language (self->navigator, self->language);
  baken_a11y_controller_set_language (self->a11y, self->language);
  baken_top_bar_set_language (self->topbar, self->language);
  if (self->staff != NULL)
    baken_staff_controller_relabel (self->staff);
}

/* The bars (translated text) built once per language, in its direction, and kept. */
static void
build_chrome (BakenWindow *self)
{
  GtkWidget *nav = g_hash_table_lookup (self->nav_bars, self->language);
  GtkWidget *bar = g_hash_table_lookup (self->a11y_bars, self->language);
  GtkWidget *shown = adw_bin_get_child (self->a11y_slot);

  if (nav == NULL)
    {
      nav = g_object_ref_sink (baken_nav_bar_new (baken_context_get_desk (self->context)));
      baken_direction_hold (nav);
      g_hash_table_insert (self->nav_bars, g_strdup (self->language), nav);
    }
  if (bar == NULL)
    {
      bar = g_object_ref_sink (baken_a11y_controller_create_bar (self->a11y));
      baken_direction_hold (bar);
      g_hash_table_insert (self->a11y_bars, g_strdup (self->language), bar);
    }
  else if (shown != NULL && shown != bar)
    {
      /* Only the bar shown follows the text size. */
      baken_a11y_bar_set_text_size (BAKEN_A11Y_BAR (bar),
                                    baken_a11y_bar_get_text_size (BAKEN_A11Y_BAR (shown)));
    }
  adw_bin_set_child (self->nav_slot, nav);
  adw_bin_set_child (self->a11y_slot, bar);
}

/* The idle prompt, the language picker or the PIN pad covers the page. */
static gboolean
page_covered_cb (gpointer user_data)
{
  BakenWindow *self = user_data;

  return gtk_widget_get_visible (GTK_WIDGET (self->prompt_slot)) ||
         gtk_widget_get_visible (GTK_WIDGET (self->picker_slot)) ||
         baken_staff_controller_get_pad_visible (self->staff);
}

static gboolean
baken_window_close_request (GtkWindow *window)
{
  BakenWindow *self = BAKEN_WINDOW (window);

  /* A kiosk is never closed from the inside; the session ends it. */
  if (self->kiosk)
    return TRUE;

  return GTK_WINDOW_CLASS (baken_window_parent_class)->close_request (window);
}

/* The parts that hear the resident before the first page is shown. */
static void
create_access (BakenWindow *self)
{
  BakenAccessLayout layout = {
    .window = GTK_WIDGET (self),
    .stack = self->stack,
    .topbar = GTK_WIDGET (self->topbar),
    .reach_bin = self->reach_bin,
    .bar_slot = self->a11y_slot,
    .nav = GTK_WIDGET (self->nav_slot),
    .language_box = baken_top_bar_get_language_box (self->topbar),
    .picker_slot = self->picker_slot,
    .prompt_slot = self->prompt_slot,
  };

  self->access = baken_resident_access_new (&layout, self->context, self->kiosk);
  self->a11y = baken_resident_access_get_a11y (self->access);
  g_signal_connect_object (self->access, "activity", G_CALLBACK (poke), self,
                           G_CONNECT_SWAPPED);
}

/* Nobody around hears the staff PIN: speech stops, and speech mode with it (the keys
 * of the pad would be said as they get the focus, and touched twice). */
static void
pad_shown_cb (BakenWindow *self)
{
  baken_a11y_controller_stop_reading (baken_resident_access_get_a11y (self->access));
}

static void
create_staff (BakenWindow *self)
{
  BakenStaffLayout layout = {
    .window = GTK_WIDGET (self),
    .kiosk_name = baken_top_bar_get_kiosk_name (self->topbar),
    .banner_slot = self->banner_slot,
    .pad_slot = self->staff_slot,
  };

  self->staff = baken_staff_controller_new (&layout, self->context);
  g_signal_connect_object (self->staff, "activity", G_CALLBACK (poke), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->staff, "pad-shown", G_CALLBACK (pad_shown_cb), self,
                           G_CONNECT_SWAPPED);
}

/* The parts a reset between residents sets back. */
static void
create_reset (BakenWindow *self)
{
  BakenResidentLayout layout = {
    .window = GTK_WIDGET (self),
    .prompt_slot = self->prompt_slot,
    .covered = self->content,
    .status_slot = baken_top_bar_get_status_slot (self->topbar),
    .navigator = self->navigator,
    .access = self->access,
    .staff = self->staff,
  };

  self->reset = baken_resident_reset_new (&layout, self->context, self->idle_scale);
}

static void
baken_window_constructed (GObject *object)
{
  BakenWindow *self = BAKEN_WINDOW (object);
  BakenConfig *config;

  G_OBJECT_CLASS (baken_window_parent_class)->constructed (object);

  g_assert (self->context != NULL);
  config = baken_context_get_config (self->context);
  create_access (self);

  baken_top_bar_setup (self->topbar, config->name,
                       baken_context_get_languages (self->context), self->language);

  /* Every resident starts in Dutch at Home. */
  g_free (self->language);
  self->language = g_strdup (baken_context_get_default_language (self->context));
  apply_language (self);
  build_chrome (self);
  self->navigator = baken_navigator_new (self->stack, self->context);
  baken_navigator_set_language (self->navigator, self->language);
  baken_resident_access_set_navigator (self->access, self->navigator);
  g_signal_connect_object (self->navigator, "page-shown", G_CALLBACK (page_shown_cb), self,
                           G_CONNECT_SWAPPED);
  baken_navigator_push (self->navigator, BAKEN_LOCATION_HOME, NULL);

  baken_resident_access_listen (self->access, page_covered_cb, self);
  create_staff (self);
  create_reset (self);
  baken_resident_reset_start (self->reset);
}

static void
baken_window_dispose (GObject *object)
{
  BakenWindow *self = BAKEN_WINDOW (object);

  g_clear_object (&self->reset);
  g_clear_object (&self->staff);
  self->a11y = NULL;
  g_clear_object (&self->access);
  g_clear_object (&self->navigator);
  gtk_widget_dispose_template (GTK_WIDGET (self), BAKEN_TYPE_WINDOW);
  g_clear_pointer (&self->nav_bars, g_hash_table_unref);
  g_clear_pointer (&self->a11y_bars, g_hash_table_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (baken_window_parent_class)->dispose (object);
}

static void
baken_window_finalize (GObject *object)
{
  BakenWindow *self = BAKEN_WINDOW (object);

  g_free (self->language);

  G_OBJECT_CLASS (baken_window_parent_class)->finalize (object);
}

static void
baken_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  BakenWindow *self = BAKEN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, baken_window_get_context (self));
      break;

    case PROP_KIOSK:
      g_value_set_boolean (value, baken_window_get_kiosk (self));
      break;

    case PROP_IDLE_SCALE:
      g_value_set_double (value, self->idle_scale);
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, baken_window_get_language (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baken_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  BakenWindow *self = BAKEN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_KIOSK:
      self->kiosk = g_value_get_boolean (value);
      break;

    case PROP_IDLE_SCALE:
      self->idle_scale = g_value_get_double (value);
      break;

    case PROP_LANGUAGE:
      baken_window_set_language (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baken_window_class_init (BakenWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = baken_window_constructed;
  object_class->dispose = baken_window_dispose;
  object_class->finalize = baken_window_finalize;
  object_class->get_property = baken_window_get_property;
  object_class->set_property = baken_window_set_property;

  window_class->close_request = baken_window_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         BAKEN_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_KIOSK] =
    g_param_spec_boolean ("kiosk", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                           G_PARAM_STATIC_STRINGS));

  properties[PROP_IDLE_SCALE] =
    g_param_spec_double ("idle-scale", NULL, NULL,
                         0.0001, 100.0, 1.0,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /* Not construct: it is set from the config when the window is built. */
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/baken/Kiosk/ui/baken-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BakenWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, BakenWindow, nav_slot);
  gtk_widget_class_bind_template_child (widget_class, BakenWindow, prompt_slot);
  gtk_widget_class_bind_template_child (widget_class, BakenWindow, content);
  gtk_widget_class_bind_template_child (widget_class, BakenWindow, topbar);
  gtk_widget_class_bind_template_child (widget_class, BakenWindow, reach_bin);
  gtk_widget_class_bind_template_child (widget_class, BakenWindow, a11y_slot);
  gtk_widget_class_bind_template_child (widget_class, BakenWindow, picker_slot);
  gtk_widget_class_bind_template_child (widget_class, BakenWindow, banner_slot);
  gtk_widget_class_bind_template_child (widget_class, BakenWindow, staff_slot);

  baken_kiosk_actions_install (widget_class, kiosk_action);

  gtk_widget_class_set_css_name (widget_class, "bakenwindow");
}

static void
baken_window_init (BakenWindow *self)
{
  g_type_ensure (BAKEN_TYPE_REACH_BIN);
  g_type_ensure (BAKEN_TYPE_SCREEN_FRAME);
  g_type_ensure (BAKEN_TYPE_TOP_BAR);

  self->idle_scale = 1.0;
  /* The kiosk.language action reads this before constructed() sets the default. */
  self->language = g_strdup ("nl");
  self->nav_bars = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->a11y_bars = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));
}

BakenWindow *
baken_window_new (GtkApplication *application,
                  BakenContext   *context,
                  gboolean        kiosk,
                  double          idle_scale)
{
  BakenWindow *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (BAKEN_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (idle_scale > 0, NULL);

  /* Not "application": baken-app-link.c says why. */
  self = g_object_new (BAKEN_TYPE_WINDOW,
                       "context", context,
                       "kiosk", kiosk,
                       "idle-scale", idle_scale,
                       NULL);
  baken_app_link_window (GTK_WINDOW (self), G_APPLICATION (application));
  return self;
}

BakenContext *
baken_window_get_context (BakenWindow *self)
{
  g_return_val_if_fail (BAKEN_IS_WINDOW (self), NULL);

  return self->context;
}

gboolean
baken_window_get_kiosk (BakenWindow *self)
{
  g_return_val_if_fail (BAKEN_IS_WINDOW (self), FALSE);

  return self->kiosk;
}

const char *
baken_window_get_language (BakenWindow *self)
{
  g_return_val_if_fail (BAKEN_IS_WINDOW (self), NULL);

  return self->language;
}

void
baken_window_set_language (BakenWindow *self,
                           const char  *language)
{
  g_return_if_fail (BAKEN_IS_WINDOW (self));
  g_return_if_fail (language != NULL);
  g_return_if_fail (g_strv_contains (baken_context_get_languages (self->context), language));

  if (g_strcmp0 (self->language, language) == 0)
    return;

  g_free (self->language);
  self->language = g_strdup (language);
  apply_language (self);

  build_chrome (self);
  baken_navigator_show (self->navigator);
  poke (self);
  /* The staff notice is built in the current language: staff may have switched it. */
  if (self->reset != NULL)
    baken_resident_reset_relabel (self->reset);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

char *
baken_window_dup_location (BakenWindow *self)
{
  g_return_val_if_fail (BAKEN_IS_WINDOW (self), NULL);

  return baken_navigator_dup_location (self->navigator);
}

gboolean
baken_window_open (BakenWindow  *self,
                   const char   *step,
                   GError      **error)
{
  BakenOpenParts parts;

  g_return_val_if_fail (BAKEN_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (step != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->kiosk)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                           "--open is for development and is not available in kiosk mode");
      return FALSE;
    }

  parts = (BakenOpenParts) {
    .window = GTK_WIDGET (self),
    .languages = baken_context_get_languages (self->context),
    .navigator = self->navigator,
    .a11y = self->a11y,
    .reset = self->reset,
  };
  return baken_open_step_run (&parts, step, error);
}

gboolean
baken_window_get_idle_prompt_visible (BakenWindow *self)
{
  g_return_val_if_fail (BAKEN_IS_WINDOW (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self->prompt_slot));
}

char *
baken_window_dup_speech_text (BakenWindow *self)
{
  g_return_val_if_fail (BAKEN_IS_WINDOW (self), NULL);

  return self->access != NULL ? baken_resident_access_dup_speech_text (self->access) : NULL;
}

BakenSpeaker *
baken_window_get_speaker (BakenWindow *self)
{
  g_return_val_if_fail (BAKEN_IS_WINDOW (self), NULL);

  return self->a11y != NULL ? baken_a11y_controller_get_speaker (self->a11y) : NULL;
}
