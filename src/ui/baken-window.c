/* baken-window.c: the kiosk window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A top bar with the language switch, the current page, and Back/Home at the bottom.
 * Navigation is a history of locations; each step builds its page fresh in the current
 * language (templates are translated when they are built), so switching the language
 * rebuilds the page and the bar. Pages never reach up here: their buttons activate the
 * kiosk.* actions installed below.
 */
#define G_LOG_DOMAIN "baken-window"

#include "config.h"

#include "baken-window.h"
#include "baken-window-private.h"

#include <glib/gi18n.h>

#include "baken-event-page.h"
#include "baken-home-page.h"
#include "baken-icon.h"
#include "baken-languages.h"
#include "baken-nav-bar.h"
#include "baken-print-page.h"
#include "baken-search.h"
#include "baken-preparing-page.h"
#include "baken-search-page.h"
#include "baken-service-page.h"
#include "baken-services-page.h"

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

typedef enum {
  LOCATION_HOME,
  LOCATION_EVENT,
  LOCATION_SERVICES,
  LOCATION_SERVICE,
  LOCATION_SEARCH,
  LOCATION_PRINT,
} LocationKind;

typedef struct
{
  LocationKind  kind;
  char         *id;  /* (nullable) for home */
} Location;

static const char * const location_names[] = {
  [LOCATION_HOME] = "home",
  [LOCATION_EVENT] = "event",
  [LOCATION_SERVICES] = "services",
  [LOCATION_SERVICE] = "service",
  [LOCATION_SEARCH] = "search",
  [LOCATION_PRINT] = "print",
};

static Location *
location_new (LocationKind  kind,
              const char   *id)
{
  Location *location = g_new0 (Location, 1);

  location->kind = kind;
  location->id = g_strdup (id);

  return location;
}

static void
location_free (Location *location)
{
  g_free (location->id);
  g_free (location);
}

static const char *
default_language (BakenWindow *self)
{
  BakenConfig *config = baken_context_get_config (self->context);

  return config->languages != NULL && config->languages[0] != NULL
         ? config->languages[0] : "nl";
}

static Location *
current_location (BakenWindow *self)
{
  g_assert (self->history->len > 0);

  return g_ptr_array_index (self->history, self->history->len - 1);
}

/* The search text lives in the location, so Back and a new language bring it back. */
static void
search_text_changed_cb (BakenSearchPage *page,
                        GParamSpec      *pspec,
                        BakenWindow     *self)
{
  Location *location = current_location (self);
  const char *text = baken_search_page_get_text (page);

  if (location->kind != LOCATION_SEARCH || self->page != GTK_WIDGET (page))
    return;

  g_free (location->id);
  location->id = *text != '\0' ? g_strdup (text) : NULL;
}

static GtkWidget *
create_search_page (BakenWindow    *self,
                    const Location *location)
{
  GtkWidget *page = baken_search_page_new (self->context, self->language, location->id);

  g_signal_connect_object (page, "notify::text", G_CALLBACK (search_text_changed_cb), self, 0);

  return page;
}

/* The life event the resident came through, for the title of a slip: the situation
 * whose services they chose from (nullable: they came another way, such as search). */
static const char *
slip_event_id (BakenWindow *self)
{
  for (guint i = self->history->len; i > 0; i--)
    {
      Location *location = g_ptr_array_index (self->history, i - 1);

      if (location->kind == LOCATION_SEARCH)
        break;
      if (location->kind == LOCATION_SERVICES || location->kind == LOCATION_EVENT)
        return location->id;
    }

  return NULL;
}

static GtkWidget *
create_page (BakenWindow    *self,
             const Location *location)
{
  /* No trusted content yet (a kiosk with its own keys before its first bundle). */
  if (baken_context_get_catalog (self->context) == NULL)
    return baken_preparing_page_new ();

  switch (location->kind)
    {
    case LOCATION_HOME:
      return baken_home_page_new (self->context, self->language);
    case LOCATION_EVENT:
      return baken_event_page_new (self->context, self->language, location->id);
    case LOCATION_SERVICES:
      return baken_services_page_new (self->context, self->language, location->id);
    case LOCATION_SERVICE:
      return baken_service_page_new (self->context, self->language, location->id);
    case LOCATION_SEARCH:
      return create_search_page (self, location);
    case LOCATION_PRINT:
      return baken_print_page_new (self->context, self->language, location->id,
                                   slip_event_id (self));
    default:
      g_assert_not_reached ();
    }
}

static void
update_actions (BakenWindow *self)
{
  gboolean away = self->history->len > 1;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kiosk.back", away);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kiosk.home", away);
}

/* Builds the page of the current location and drops the one that was shown. */
static void
show_current (BakenWindow *self)
{
  g_autofree char *name = g_strdup_printf ("page-%u", ++self->page_serial);
  GtkWidget *old = self->page;
  GtkWidget *page = create_page (self, current_location (self));

  gtk_stack_add_named (self->stack, page, name);
  gtk_stack_set_visible_child (self->stack, page);
  self->page = page;
  if (old != NULL)
    gtk_stack_remove (self->stack, old);

  update_actions (self);
  _baken_window_focus_page_shown (self);
  _baken_window_a11y_page_shown (self);
}

static void
push (BakenWindow  *self,
      LocationKind  kind,
      const char   *id)
{
  g_ptr_array_add (self->history, location_new (kind, id));
  show_current (self);
  _baken_window_idle_poke (self);
}

static gboolean
open_event (BakenWindow  *self,
            const char   *event_id,
            GError      **error)
{
  BakenCatalog *catalog = baken_context_get_catalog (self->context);
  g_autoptr(BakenLifeEvent) event = NULL;

  event = baken_catalog_get_life_event (catalog, event_id, self->language, error);
  if (event == NULL)
    return FALSE;

  /* No sub-situations: straight to who can help. */
  push (self, event->n_children > 0 ? LOCATION_EVENT : LOCATION_SERVICES, event->id);

  return TRUE;
}

static void
open_event_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BakenWindow *self = BAKEN_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!open_event (self, g_variant_get_string (parameter, NULL), &error))
    g_warning ("Cannot open life event: %s", error->message);
}

static void
open_services_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  push (BAKEN_WINDOW (widget), LOCATION_SERVICES, g_variant_get_string (parameter, NULL));
}

static void
open_service_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  push (BAKEN_WINDOW (widget), LOCATION_SERVICE, g_variant_get_string (parameter, NULL));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BakenWindow *self = BAKEN_WINDOW (widget);

  if (current_location (self)->kind != LOCATION_SEARCH)
    push (self, LOCATION_SEARCH, NULL);
  else
    _baken_window_idle_poke (self);
}

static void
open_print_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  push (BAKEN_WINDOW (widget), LOCATION_PRINT, g_variant_get_string (parameter, NULL));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BakenWindow *self = BAKEN_WINDOW (widget);

  if (self->history->len > 1)
    {
      g_ptr_array_set_size (self->history, self->history->len - 1);
      show_current (self);
    }

  _baken_window_idle_poke (self);
}

static void
home_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BakenWindow *self = BAKEN_WINDOW (widget);

  if (self->history->len > 1)
    {
      g_ptr_array_set_size (self->history, 1);
      show_current (self);
    }

  _baken_window_idle_poke (self);
}

static void
more_time_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  _baken_window_idle_poke (BAKEN_WINDOW (widget));
}

/* Language names are in their own language, so the switch is built once. */
static void
build_language_switch (BakenWindow *self)
{
  BakenConfig *config = baken_context_get_config (self->context);
  GtkWidget *group = NULL;

  /* More than two do not fit as buttons: one button opens the language picker. */
  if (config->languages != NULL && g_strv_length (config->languages) > 2)
    {
      gtk_box_append (self->language_box, _baken_window_a11y_language_button_new (self));
      return;
    }

  for (guint i = 0; config->languages != NULL && config->languages[i] != NULL; i++)
    {
      const char *code = config->languages[i];
      GtkWidget *button = gtk_toggle_button_new_with_label (baken_language_get_native_name (code));

      gtk_widget_add_css_class (button, "language");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "kiosk.language");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", code);
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (group));
      else
        group = button;

      gtk_box_append (self->language_box, button);
    }
}

/* The parts outside the page that hold translated text. */
static void
build_chrome (BakenWindow *self)
{
  adw_bin_set_child (self->nav_slot, baken_nav_bar_new ());
  adw_bin_set_child (self->a11y_slot, _baken_window_a11y_bar_new (self));
  adw_bin_set_child (self->search_slot, baken_search_button_new ());
}

/* A physical keyboard types into search, wherever the focus is on the page (in kiosk
 * mode too: the kiosk's filter lets plain keys through). Keys that a focused control
 * uses (Enter and Space on a button, Tab) reach it first: this is the bubble phase. */
static gboolean
search_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       BakenWindow           *self)
{
  if (!BAKEN_IS_SEARCH_PAGE (self->page) ||
      gtk_widget_get_visible (GTK_WIDGET (self->prompt_slot)) ||
      gtk_widget_get_visible (GTK_WIDGET (self->picker_slot)))
    return GDK_EVENT_PROPAGATE;

  return baken_search_page_press_key (BAKEN_SEARCH_PAGE (self->page), keyval, state)
         ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;
}

/* Kiosk mode: nothing a key, a right click or the window manager does may leave the
 * app or open something. */
static gboolean
kiosk_key_pressed_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      BakenWindow           *self)
{
  /* The keypad's keys, and no others below, get through: F1 or Escape may be one. */
  if (_baken_window_keypad_press (self, keyval, state))
    return GDK_EVENT_STOP;

  /* Every shortcut uses a modifier (Alt+F4, Ctrl+Q, Ctrl+W, Ctrl+Shift+I/D, Super…). */
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK | GDK_HYPER_MASK |
               GDK_META_MASK))
    return GDK_EVENT_STOP;

  /* F10 (menus), F11 (fullscreen), Escape, the menu key and the like. */
  if ((keyval >= GDK_KEY_F1 && keyval <= GDK_KEY_F35) ||
      keyval == GDK_KEY_Escape ||
      keyval == GDK_KEY_Menu ||
      keyval == GDK_KEY_Close ||
      keyval == GDK_KEY_Execute)
    return GDK_EVENT_STOP;

  return GDK_EVENT_PROPAGATE;
}

static void
kiosk_secondary_pressed_cb (GtkGestureClick *gesture,
                            int              n_press,
                            double           x,
                            double           y,
                            BakenWindow     *self)
{
  /* No context menus anywhere. */
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static gboolean
kiosk_enable_debugging_cb (GtkWindow *window,
                           gboolean   toggle,
                           gpointer   user_data)
{
  g_signal_stop_emission_by_name (window, "enable-debugging");

  return TRUE;
}

static void
kiosk_fullscreened_cb (BakenWindow *self)
{
  if (!gtk_window_is_fullscreen (GTK_WINDOW (self)))
    gtk_window_fullscreen (GTK_WINDOW (self));
}

/* Fullscreen needs a compositor or window manager that honours it (cage does). On a
 * bare X server nobody does, so the window also asks for the size of the monitor. */
static void
size_to_monitor (BakenWindow *self)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, 0);
  GdkRectangle geometry;

  if (monitor == NULL)
    return;

  gdk_monitor_get_geometry (monitor, &geometry);
  gtk_window_set_default_size (GTK_WINDOW (self), geometry.width, geometry.height);
}

static void
lock_down (BakenWindow *self)
{
  GtkEventController *controller;

  gtk_window_set_interactive_debugging (FALSE);
  size_to_monitor (self);
  gtk_window_set_decorated (GTK_WINDOW (self), FALSE);
  gtk_window_set_deletable (GTK_WINDOW (self), FALSE);
  gtk_window_set_resizable (GTK_WINDOW (self), FALSE);
  gtk_window_fullscreen (GTK_WINDOW (self));
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "none");

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (controller, "baken-kiosk-keys");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (kiosk_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  gtk_event_controller_set_name (controller, "baken-kiosk-no-context-menu");
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (controller), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "pressed", G_CALLBACK (kiosk_secondary_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect (self, "enable-debugging", G_CALLBACK (kiosk_enable_debugging_cb), NULL);
  g_signal_connect (self, "notify::fullscreened", G_CALLBACK (kiosk_fullscreened_cb), NULL);
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

static void
baken_window_constructed (GObject *object)
{
  BakenWindow *self = BAKEN_WINDOW (object);
  GtkEventController *controller;
  BakenConfig *config;

  G_OBJECT_CLASS (baken_window_parent_class)->constructed (object);

  g_assert (self->context != NULL);
  config = baken_context_get_config (self->context);
  _baken_window_a11y_init (self);
  _baken_window_keypad_init (self);

  gtk_label_set_label (self->kiosk_name, config->name != NULL ? config->name : "");
  build_language_switch (self);

  /* Every resident starts in Dutch at Home. */
  g_free (self->language);
  self->language = g_strdup (default_language (self));
  baken_language_apply (self->language);
  _baken_window_a11y_language_changed (self);
  build_chrome (self);
  g_ptr_array_add (self->history, location_new (LOCATION_HOME, NULL));
  show_current (self);

  if (self->kiosk)
    lock_down (self);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (controller, "baken-search-keys");
  g_signal_connect (controller, "key-pressed", G_CALLBACK (search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  _baken_window_focus_init (self);
  _baken_window_idle_init (self);
  self->prepare_search_id = g_idle_add_full (G_PRIORITY_LOW, prepare_search_cb, self, NULL);
  _baken_window_content_init (self);
}

static void
baken_window_dispose (GObject *object)
{
  BakenWindow *self = BAKEN_WINDOW (object);

  _baken_window_idle_dispose (self);
  _baken_window_a11y_dispose (self);
  _baken_window_keypad_dispose (self);
  g_clear_handle_id (&self->prepare_search_id, g_source_remove);
  _baken_window_content_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), BAKEN_TYPE_WINDOW);
  self->page = NULL;
  g_clear_object (&self->context);

  G_OBJECT_CLASS (baken_window_parent_class)->dispose (object);
}

static void
baken_window_finalize (GObject *object)
{
  BakenWindow *self = BAKEN_WINDOW (object);

  g_clear_pointer (&self->history, g_ptr_array_unref);
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

  gtk_widget_class_install_action (widget_class, "kiosk.open-event", "s", open_event_action);
  gtk_widget_class_install_action (widget_class, "kiosk.open-services", "s",
                                   open_services_action);
  gtk_widget_class_install_action (widget_class, "kiosk.open-service", "s",
                                   open_service_action);
  gtk_widget_class_install_action (widget_class, "kiosk.open-print", "s", open_print_action);
  gtk_widget_class_install_action (widget_class, "kiosk.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "kiosk.home", NULL, home_action);
  gtk_widget_class_install_action (widget_class, "kiosk.more-time", NULL, more_time_action);
  gtk_widget_class_install_action (widget_class, "kiosk.search", NULL, search_action);
  gtk_widget_class_install_property_action (widget_class, "kiosk.language", "language");

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
  self->history = g_ptr_array_new_with_free_func ((GDestroyNotify) location_free);

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
  BakenConfig *config;

  g_return_if_fail (BAKEN_IS_WINDOW (self));
  g_return_if_fail (language != NULL);

  config = baken_context_get_config (self->context);
  g_return_if_fail (g_strv_contains ((const char * const *) config->languages, language));

  if (g_strcmp0 (self->language, language) == 0)
    return;

  g_free (self->language);
  self->language = g_strdup (language);
  baken_language_apply (language);
  _baken_window_a11y_language_changed (self);

  build_chrome (self);
  show_current (self);
  _baken_window_idle_poke (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

char *
baken_window_dup_location (BakenWindow *self)
{
  Location *location;

  g_return_val_if_fail (BAKEN_IS_WINDOW (self), NULL);

  location = current_location (self);
  if (location->id == NULL)
    return g_strdup (location_names[location->kind]);

  return g_strdup_printf ("%s:%s", location_names[location->kind], location->id);
}

gboolean
baken_window_open (BakenWindow  *self,
                   const char   *step,
                   GError      **error)
{
  BakenCatalog *catalog;
  BakenConfig *config;
  const char *colon;
  g_autofree char *kind = NULL;
  const char *id;

  g_return_val_if_fail (BAKEN_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (step != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->kiosk)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                           "--open is for development and is not available in kiosk mode");
      return FALSE;
    }

  catalog = baken_context_get_catalog (self->context);
  config = baken_context_get_config (self->context);

  /* While the kiosk is being prepared there is no content to go to. */
  if (catalog == NULL &&
      (g_str_equal (step, "search") || g_str_has_prefix (step, "search:") ||
       g_str_has_prefix (step, "event:") || g_str_has_prefix (step, "services:") ||
       g_str_has_prefix (step, "service:") || g_str_has_prefix (step, "print:")))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "“%s”: no content is open; the kiosk shows that it is being prepared",
                   step);
      return FALSE;
    }

  if (g_str_equal (step, "search"))
    {
      push (self, LOCATION_SEARCH, NULL);
      return TRUE;
    }

  colon = strchr (step, ':');
  if (colon == NULL || colon[1] == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "“%s”: give KIND:ID, e.g. event:ID, services:ID, service:ID, lang:en "
                   "or idle:prompt", step);
      return FALSE;
    }

  kind = g_strndup (step, colon - step);
  id = colon + 1;

  if (g_str_equal (kind, "event"))
    return open_event (self, id, error);

  if (g_str_equal (kind, "services"))
    {
      g_autoptr(BakenLifeEvent) event = baken_catalog_get_life_event (catalog, id,
                                                                      self->language, error);
      if (event == NULL)
        return FALSE;
      push (self, LOCATION_SERVICES, id);
      return TRUE;
    }

  if (g_str_equal (kind, "service"))
    {
      g_autoptr(BakenService) service = baken_catalog_get_service (catalog, id, self->language,
                                                                   BAKEN_AUDIENCE_PUBLIC,
                                                                   error);
      if (service == NULL)
        return FALSE;
      push (self, LOCATION_SERVICE, id);
      return TRUE;
    }

  if (g_str_equal (kind, "search"))
    {
      push (self, LOCATION_SEARCH, id);
      return TRUE;
    }

  if (g_str_equal (kind, "print"))
    {
      g_autoptr(BakenService) service = baken_catalog_get_service (catalog, id, self->language,
                                                                   BAKEN_AUDIENCE_PUBLIC,
                                                                   error);
      if (service == NULL)
        return FALSE;
      push (self, LOCATION_PRINT, id);
      return TRUE;
    }

  if (g_str_equal (kind, "lang"))
    {
      if (!g_strv_contains ((const char * const *) config->languages, id))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       "lang:%s: this kiosk offers only the languages of [kiosk] languages",
                       id);
          return FALSE;
        }
      baken_window_set_language (self, id);
      return TRUE;
    }

  if (g_str_equal (kind, "a11y"))
    return _baken_window_a11y_open (self, id, error);

  if (g_str_equal (kind, "idle") && g_str_equal (id, "prompt"))
    {
      _baken_window_idle_expire (self);
      return TRUE;
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               "“%s”: unknown step; use event:ID, services:ID, service:ID, print:ID, "
               "lang:CODE or idle:prompt", step);
  return FALSE;
}

gboolean
baken_window_get_idle_prompt_visible (BakenWindow *self)
{
  g_return_val_if_fail (BAKEN_IS_WINDOW (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self->prompt_slot));
}

gboolean
_baken_window_is_at_rest (BakenWindow *self)
{
  return self->history->len == 1 &&
         g_strcmp0 (self->language, default_language (self)) == 0 &&
         !baken_window_get_idle_prompt_visible (self) &&
         _baken_window_a11y_is_default (self);
}

void
_baken_window_reset (BakenWindow *self)
{
  g_ptr_array_set_size (self->history, 1);
  /* Speech, text size, contrast and reach off before the next resident. */
  _baken_window_a11y_reset (self);
  /* Between residents: a new bundle that waits is swapped in before Home is rebuilt. */
  _baken_window_content_reset (self);

  if (g_strcmp0 (self->language, default_language (self)) != 0)
    {
      /* Rebuilds the bar and the (home) page in Dutch. */
      baken_window_set_language (self, default_language (self));
    }
  else
    {
      show_current (self);
    }
}
