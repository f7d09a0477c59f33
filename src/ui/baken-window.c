/* baken-window.c: the kiosk window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A top bar with the language switch, the current page, and Back/Home at the bottom.
 * Navigation is a history of locations; each step builds its page fresh in the current
 * language (templates are translated when they are built), so switching the language
 * rebuilds the page and the bar. Pages never reach up here: their buttons activate the
 * kiosk.* actions (baken-kiosk-actions.c says where each goes).
 */
#define G_LOG_DOMAIN "baken-window"

#include "config.h"

#include "baken-window.h"

#include <glib/gi18n.h>

#include "baken-a11y-controller.h"
#include "baken-content-switch.h"
#include "baken-focus-path.h"
#include "baken-icon.h"
#include "baken-idle-controller.h"
#include "baken-keypad-controller.h"
#include "baken-kiosk-actions.h"
#include "baken-kiosk-lock.h"
#include "baken-language-switch.h"
#include "baken-languages.h"
#include "baken-nav-bar.h"
#include "baken-navigator.h"
#include "baken-page-keys.h"
#include "baken-search.h"
#include "baken-reach-bin.h"
#include "baken-search-page.h"
#include "baken-speech-mode.h"
#include "baken-speech-source.h"
#include "baken-staff-controller.h"

struct _BakenWindow
{
  AdwApplicationWindow   parent_instance;

  /* Inputs */
  BakenContext          *context;          /* (owned) */
  gboolean               kiosk;
  double                 idle_scale;

  /* Template children */
  GtkLabel              *kiosk_name;
  GtkBox                *language_box;
  GtkStack              *stack;
  AdwBin                *nav_slot;
  AdwBin                *prompt_slot;
  GtkWidget             *topbar;
  BakenReachBin         *reach_bin;
  AdwBin                *a11y_slot;
  AdwBin                *picker_slot;
  AdwBin                *search_slot;
  AdwBin                *status_slot;
  AdwBin                *banner_slot;
  AdwBin                *staff_slot;

  /* Navigation */
  char                  *language;         /* (owned) */
  BakenNavigator        *navigator;        /* (owned) the history and its pages */
  BakenSpeechSource     *speech_source;    /* (owned) what "Lees voor" says */
  GtkLabel              *language_label;   /* (unowned) on the picker button, or NULL */

  /* The parts the window uses; each reports back by signal or callback */
  BakenA11yController   *a11y;             /* (owned) */
  BakenSpeechMode       *speech_mode;      /* (owned) */
  BakenKeypadController *keypad;           /* (owned) */
  BakenFocusPath        *focus_path;       /* (owned) */
  BakenIdleController   *idle;             /* (owned) */
  BakenContentSwitch    *content_switch;   /* (owned) (nullable) without kiosk content */
  BakenStaffController  *staff;            /* (owned) */
  gboolean               resetting;

  /* Search */
  guint                  prepare_search_id; /* GSource, 0 when done */
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

static void reset (BakenWindow *self);

static const char *
default_language (BakenWindow *self)
{
  const char * const *languages = baken_context_get_languages (self->context);

  return languages != NULL && languages[0] != NULL ? languages[0] : "nl";
}

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
  baken_focus_path_page_shown (self->focus_path);
  /* A new screen stops the old speech; when reading aloud, the new one is read; in
   * speech mode it is said the keypad's way. */
  baken_a11y_controller_page_shown (self->a11y);
  if (!baken_speech_mode_page_shown (self->speech_mode))
    baken_a11y_controller_read_page (self->a11y);
}

/* Something happened: a tap, a key, a new page. */
static void
poke (BakenWindow *self)
{
  if (self->idle != NULL)
    baken_idle_controller_poke (self->idle);
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
      reset (self);
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
  if (self->language_label != NULL)
    baken_language_switch_set_language (self->language_label, self->language);
  if (self->staff != NULL)
    baken_staff_controller_relabel (self->staff);
}

/* The parts outside the page that hold translated text. */
static void
build_chrome (BakenWindow *self)
{
  adw_bin_set_child (self->nav_slot, baken_nav_bar_new ());
  adw_bin_set_child (self->a11y_slot, baken_a11y_controller_create_bar (self->a11y));
  adw_bin_set_child (self->search_slot, baken_search_button_new ());
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

/* Kiosk mode: the keypad's keys get through the kiosk's key filter. */
static gboolean
kiosk_key_cb (guint           keyval,
              GdkModifierType state,
              gpointer        user_data)
{
  BakenWindow *self = user_data;

  return self->keypad != NULL && baken_keypad_controller_press (self->keypad, keyval, state);
}

/* Builds the search index once the first screen is up, so the first key is fast. */
static gboolean
prepare_search_cb (gpointer user_data)
{
  BakenWindow *self = BAKEN_WINDOW (user_data);
  BakenCatalog *catalog = baken_context_get_catalog (self->context);
  g_autoptr(GError) error = NULL;

  self->prepare_search_id = 0;
  if (catalog != NULL && !baken_search_prepare (catalog, &error))
    g_warning ("Cannot prepare the search index: %s", error->message);

  return G_SOURCE_REMOVE;
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

static gboolean
is_at_rest_cb (gpointer user_data)
{
  BakenWindow *self = user_data;

  return baken_navigator_get_depth (self->navigator) == 1 &&
         baken_context_get_audience (self->context) == BAKEN_AUDIENCE_PUBLIC &&
         !baken_staff_controller_get_pad_visible (self->staff) &&
         g_strcmp0 (self->language, default_language (self)) == 0 &&
         !baken_window_get_idle_prompt_visible (self) &&
         baken_a11y_controller_is_default (self->a11y);
}

/* Between residents: Home, in the default language, everything switched off, staff mode
 * ended: the next resident never meets a staff screen. */
static void
reset (BakenWindow *self)
{
  self->resetting = TRUE;
  baken_staff_controller_end (self->staff);
  self->resetting = FALSE;
  baken_navigator_forget (self->navigator);
  /* Speech, text size, contrast and reach off before the next resident. */
  baken_a11y_controller_reset (self->a11y);
  /* Between residents: a new bundle that waits is swapped in before Home is rebuilt. */
  if (self->content_switch != NULL)
    baken_content_switch_apply (self->content_switch);

  if (g_strcmp0 (self->language, default_language (self)) != 0)
    {
      /* Rebuilds the bar and the (home) page in Dutch. */
      baken_window_set_language (self, default_language (self));
    }
  else
    {
      baken_navigator_show (self->navigator);
    }
}

static char *
dup_speech_text_cb (gpointer user_data)
{
  return baken_window_dup_speech_text (BAKEN_WINDOW (user_data));
}

static void
activity_cb (BakenWindow *self)
{
  poke (self);
}

/* The keypad's Back and Home: not on Home, where they are off. */
static gboolean
keypad_go_cb (BakenKeypadController *keypad,
              const char            *action,
              BakenWindow           *self)
{
  return baken_navigator_get_depth (self->navigator) > 1 &&
         gtk_widget_activate_action (GTK_WIDGET (self), action, NULL);
}

static void
idle_prompt_shown_cb (BakenWindow *self)
{
  baken_a11y_controller_prompt_shown (self->a11y);
}

static void
idle_expired_cb (BakenWindow *self)
{
  reset (self);
}

/* Nobody is on a path: switch now. Otherwise reset () does it. */
static void
content_update_waiting_cb (BakenWindow *self)
{
  if (is_at_rest_cb (self))
    reset (self);
}

/* The parts that hear the resident before the first page is shown. */
static void
create_a11y (BakenWindow *self)
{
  BakenConfig *config = baken_context_get_config (self->context);
  BakenA11yLayout layout = {
    .window = GTK_WIDGET (self),
    .stack = self->stack,
    .topbar = self->topbar,
    .reach_bin = self->reach_bin,
    .bar_slot = self->a11y_slot,
    .picker_slot = self->picker_slot,
    .prompt_slot = self->prompt_slot,
  };

  self->a11y = baken_a11y_controller_new (&layout, baken_context_get_languages (self->context),
                                          self->kiosk, dup_speech_text_cb, self);
  g_signal_connect_object (self->a11y, "activity", G_CALLBACK (activity_cb), self,
                           G_CONNECT_SWAPPED);

  self->speech_mode = baken_speech_mode_new (GTK_WIDGET (self), self->stack,
                                             self->prompt_slot, self->picker_slot,
                                             self->a11y);
  self->keypad = baken_keypad_controller_new (GTK_WIDGET (self), config, self->kiosk,
                                              self->speech_mode);
  g_signal_connect_object (self->keypad, "activity", G_CALLBACK (activity_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->keypad, "go", G_CALLBACK (keypad_go_cb), self, 0);
}

static void
create_focus_path (BakenWindow *self)
{
  BakenFocusLayout layout = {
    .window = GTK_WIDGET (self),
    .stack = self->stack,
    .nav = GTK_WIDGET (self->nav_slot),
    .language_box = GTK_WIDGET (self->language_box),
    .prompt_slot = GTK_WIDGET (self->prompt_slot),
    .picker_slot = GTK_WIDGET (self->picker_slot),
    .kiosk = self->kiosk,
  };

  self->focus_path = baken_focus_path_new (&layout);
}

static void
create_idle (BakenWindow *self)
{
  BakenConfig *config = baken_context_get_config (self->context);

  self->idle = baken_idle_controller_new (GTK_WIDGET (self), self->prompt_slot,
                                          (gint64) (config->idle_timeout * G_USEC_PER_SEC *
                                                    self->idle_scale),
                                          (gint64) (config->idle_countdown * G_USEC_PER_SEC *
                                                    self->idle_scale),
                                          (gint64) (G_USEC_PER_SEC * self->idle_scale),
                                          is_at_rest_cb, self);
  g_signal_connect_object (self->idle, "prompt-shown", G_CALLBACK (idle_prompt_shown_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->idle, "expired", G_CALLBACK (idle_expired_cb), self,
                           G_CONNECT_SWAPPED);
}

/* Staff mode started or ended: the page again for the new audience, and the idle timer
 * of staff mode (shorter) or of residents. */
static void
staff_changed_cb (BakenWindow *self)
{
  BakenConfig *config = baken_context_get_config (self->context);
  gboolean staff = baken_context_get_audience (self->context) == BAKEN_AUDIENCE_STAFF;
  guint seconds = staff ? config->staff_idle_timeout : config->idle_timeout;

  if (self->idle != NULL)
    baken_idle_controller_set_timeout (self->idle, (gint64) (seconds * G_USEC_PER_SEC *
                                                             self->idle_scale));
  if (staff)
    baken_navigator_show (self->navigator);
  else if (!self->resetting)
    reset (self);
}

static void
create_staff (BakenWindow *self)
{
  BakenStaffLayout layout = {
    .window = GTK_WIDGET (self),
    .kiosk_name = GTK_WIDGET (self->kiosk_name),
    .banner_slot = self->banner_slot,
    .pad_slot = self->staff_slot,
  };

  self->staff = baken_staff_controller_new (&layout, self->context);
  g_signal_connect_object (self->staff, "changed", G_CALLBACK (staff_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->staff, "activity", G_CALLBACK (activity_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
create_content_switch (BakenWindow *self)
{
  BakenKioskContent *content = baken_context_get_content (self->context);

  if (content == NULL)
    return;

  self->content_switch = baken_content_switch_new (GTK_WIDGET (self), self->status_slot,
                                                   content);
  g_signal_connect_object (self->content_switch, "update-waiting",
                           G_CALLBACK (content_update_waiting_cb), self, G_CONNECT_SWAPPED);
  baken_content_switch_start (self->content_switch);
}

static void
baken_window_constructed (GObject *object)
{
  BakenWindow *self = BAKEN_WINDOW (object);
  BakenConfig *config;

  G_OBJECT_CLASS (baken_window_parent_class)->constructed (object);

  g_assert (self->context != NULL);
  config = baken_context_get_config (self->context);
  create_a11y (self);

  gtk_label_set_label (self->kiosk_name, config->name != NULL ? config->name : "");
  self->language_label = baken_language_switch_fill (self->language_box,
                                                     baken_context_get_languages (self->context),
                                                     self->language);

  /* Every resident starts in Dutch at Home. */
  g_free (self->language);
  self->language = g_strdup (default_language (self));
  apply_language (self);
  build_chrome (self);
  create_focus_path (self);
  self->navigator = baken_navigator_new (self->stack, self->context);
  baken_navigator_set_language (self->navigator, self->language);
  self->speech_source = baken_speech_source_new (self->prompt_slot, self->picker_slot,
                                                 self->navigator, self->context);
  g_signal_connect_object (self->navigator, "page-shown", G_CALLBACK (page_shown_cb), self,
                           G_CONNECT_SWAPPED);
  baken_navigator_push (self->navigator, BAKEN_LOCATION_HOME, NULL);

  /* Order matters: the kiosk's key filter asks before the others. */
  if (self->kiosk)
    baken_kiosk_lock (GTK_WINDOW (self), kiosk_key_cb, self);

  baken_page_keys_attach (GTK_WIDGET (self), self->navigator, page_covered_cb, self);

  baken_focus_path_listen (self->focus_path);
  create_staff (self);
  create_idle (self);
  self->prepare_search_id = g_idle_add_full (G_PRIORITY_LOW, prepare_search_cb, self, NULL);
  create_content_switch (self);
}

static void
baken_window_dispose (GObject *object)
{
  BakenWindow *self = BAKEN_WINDOW (object);

  g_clear_object (&self->staff);
  g_clear_object (&self->idle);
  g_clear_object (&self->keypad);
  g_clear_object (&self->speech_mode);
  g_clear_object (&self->a11y);
  g_clear_handle_id (&self->prepare_search_id, g_source_remove);
  g_clear_object (&self->content_switch);
  g_clear_object (&self->focus_path);
  g_clear_object (&self->speech_source);
  g_clear_object (&self->navigator);
  gtk_widget_dispose_template (GTK_WIDGET (self), BAKEN_TYPE_WINDOW);
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
  gtk_widget_class_bind_template_child (widget_class, BakenWindow, kiosk_name);
  gtk_widget_class_bind_template_child (widget_class, BakenWindow, language_box);
  gtk_widget_class_bind_template_child (widget_class, BakenWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, BakenWindow, nav_slot);
  gtk_widget_class_bind_template_child (widget_class, BakenWindow, prompt_slot);
  gtk_widget_class_bind_template_child (widget_class, BakenWindow, topbar);
  gtk_widget_class_bind_template_child (widget_class, BakenWindow, reach_bin);
  gtk_widget_class_bind_template_child (widget_class, BakenWindow, a11y_slot);
  gtk_widget_class_bind_template_child (widget_class, BakenWindow, picker_slot);
  gtk_widget_class_bind_template_child (widget_class, BakenWindow, search_slot);
  gtk_widget_class_bind_template_child (widget_class, BakenWindow, status_slot);
  gtk_widget_class_bind_template_child (widget_class, BakenWindow, banner_slot);
  gtk_widget_class_bind_template_child (widget_class, BakenWindow, staff_slot);

  baken_kiosk_actions_install (widget_class, kiosk_action);

  gtk_widget_class_set_css_name (widget_class, "bakenwindow");
}

static void
baken_window_init (BakenWindow *self)
{
  g_type_ensure (BAKEN_TYPE_ICON);
  g_type_ensure (BAKEN_TYPE_REACH_BIN);

  self->idle_scale = 1.0;
  /* The kiosk.language action reads this before constructed() sets the default. */
  self->language = g_strdup ("nl");

  gtk_widget_init_template (GTK_WIDGET (self));
}

BakenWindow *
baken_window_new (GtkApplication *application,
                  BakenContext   *context,
                  gboolean        kiosk,
                  double          idle_scale)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (BAKEN_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (idle_scale > 0, NULL);

  return g_object_new (BAKEN_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       "kiosk", kiosk,
                       "idle-scale", idle_scale,
                       NULL);
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
  if (self->content_switch != NULL)
    baken_content_switch_update_mark (self->content_switch);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

char *
baken_window_dup_location (BakenWindow *self)
{
  g_return_val_if_fail (BAKEN_IS_WINDOW (self), NULL);

  return baken_navigator_dup_location (self->navigator);
}

/* A step of --open that goes to a page. */
static gboolean
open_location (BakenWindow  *self,
               const char   *step,
               GError      **error)
{
  if (!baken_navigator_open (self->navigator, step, error))
    return FALSE;

  poke (self);
  return TRUE;
}

gboolean
baken_window_open (BakenWindow  *self,
                   const char   *step,
                   GError      **error)
{
  BakenOpenStep kind;
  const char *argument;

  g_return_val_if_fail (BAKEN_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (step != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->kiosk)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                           "--open is for development and is not available in kiosk mode");
      return FALSE;
    }

  if (!baken_open_step_parse (step, baken_context_get_languages (self->context), &kind,
                              &argument, error))
    return FALSE;

  switch (kind)
    {
    case BAKEN_OPEN_STEP_LANGUAGE:
      baken_window_set_language (self, argument);
      return TRUE;

    case BAKEN_OPEN_STEP_A11Y:
      return baken_a11y_controller_open (self->a11y, argument, error);

    case BAKEN_OPEN_STEP_IDLE_PROMPT:
      baken_idle_controller_expire (self->idle);
      return TRUE;

    case BAKEN_OPEN_STEP_LOCATION:
    default:
      return open_location (self, step, error);
    }
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

  return self->speech_source != NULL ? baken_speech_source_dup_text (self->speech_source)
                                     : NULL;
}

BakenSpeaker *
baken_window_get_speaker (BakenWindow *self)
{
  g_return_val_if_fail (BAKEN_IS_WINDOW (self), NULL);

  return self->a11y != NULL ? baken_a11y_controller_get_speaker (self->a11y) : NULL;
}
