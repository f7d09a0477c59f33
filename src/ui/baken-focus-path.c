/* baken-focus-path.c: the way through the kiosk by keys alone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where focus goes when a page changes (its first control; Begin when the page has
 * none, as after printing; nowhere on search, where the keyboard types), the keys that
 * move it (Up and Down step through the controls in reading order, as Tab and
 * Shift+Tab do, mirrored for right-to-left), Escape (as Terug; in kiosk mode the kiosk
 * key filter decides), Page Up and Page Down (scroll the page), and each page's name
 * for assistive technology: its heading. "focus.place" puts the focus where a new page
 * would, for a part of the page whose focused control goes away.
 */
#define G_LOG_DOMAIN "baken-window"

#include "config.h"

#include "baken-focus-path.h"

#include "baken-feedback.h"
#include "baken-search-page.h"
#include "baken-speakable.h"

struct _BakenFocusPath
{
  GObject          parent_instance;

  BakenFocusLayout layout;  /* (unowned) widgets of the window, which owns this */
};

G_DEFINE_FINAL_TYPE (BakenFocusPath, baken_focus_path, G_TYPE_OBJECT)

static GtkWidget *
get_page (BakenFocusPath *self)
{
  return gtk_stack_get_visible_child (self->layout.stack);
}

/* Whether widget is shown when its page is (visible, and not a hidden stack child). */
static gboolean
is_shown (GtkWidget *widget)
{
  return gtk_widget_get_visible (widget) && gtk_widget_get_child_visible (widget);
}

/* The first control under widget in tree order, which is reading order on our pages.
 * "Heeft dit u geholpen?" is never the first choice: it is there, not in the way. */
static GtkWidget *
find_first_control (GtkWidget *widget)
{
  if (!is_shown (widget) || !gtk_widget_get_can_focus (widget) || BAKEN_IS_FEEDBACK (widget))
    return NULL;

  if (gtk_widget_get_focusable (widget) && gtk_widget_is_sensitive (widget) &&
      !GTK_IS_SCROLLED_WINDOW (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_first_control (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The first drawn label styled as the page's title, under widget. */
static GtkLabel *
find_title (GtkWidget *widget)
{
  if (!is_shown (widget))
    return NULL;

  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "page-title"))
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_title (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The nav bar's button for action, when it can be used. */
static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action)
{
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return gtk_widget_is_sensitive (widget) ? widget : NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Assistive technology names the page by its heading, not "GtkStackPage panel". */
static void
name_page (BakenFocusPath *self)
{
  GtkLabel *title = find_title (get_page (self));
  const char *text = title != NULL ? gtk_label_get_text (title) : NULL;
  GtkStackPage *stack_page = gtk_stack_get_page (self->layout.stack, get_page (self));

  if (text == NULL || *text == '\0')
    return;

  gtk_stack_page_set_title (stack_page, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (stack_page),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (get_page (self)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
}

/* Focus where a person wants it: the page's first choice (on a service page that is
 * Printen), or Begin when the page has nothing to choose (printed, or failed); on
 * search, nowhere, so that typing types. */
static void
place_focus (BakenFocusPath *self)
{
  GtkWidget *target;

  /* On search a physical keyboard types (also at the desk): a focused key or result
   * would take Space and Enter for itself. Tab and Down lead into the page. */
  if (BAKEN_IS_SEARCH_PAGE (get_page (self)))
    {
      gtk_root_set_focus (GTK_ROOT (self->layout.window), NULL);
      return;
    }

  target = find_first_control (get_page (self));

  if (target == NULL)
    target = find_action_button (self->layout.nav, "kiosk.home");

  if (target != NULL)
    gtk_widget_grab_focus (target);
  else
    gtk_root_set_focus (GTK_ROOT (self->layout.window), NULL);
}

static void
page_changed_cb (BakenSpeakable *page,
                 BakenFocusPath *self)
{
  if (GTK_WIDGET (page) != get_page (self))
    return;

  name_page (self);
  place_focus (self);
}

/* Page Up and Page Down move the page's text by most of a screen. */
static gboolean
scroll_page (BakenFocusPath *self,
             int          direction)
{
  GtkWidget *scrolled = NULL;
  GtkAdjustment *adjustment;
  double page_size;

  for (GtkWidget *widget = gtk_widget_get_first_child (get_page (self));
       widget != NULL && scrolled == NULL;
       widget = gtk_widget_get_next_sibling (widget))
    if (GTK_IS_SCROLLED_WINDOW (widget) && is_shown (widget))
      scrolled = widget;

  if (scrolled == NULL)
    return FALSE;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  page_size = gtk_adjustment_get_page_size (adjustment);
  gtk_adjustment_set_value (adjustment,
                            gtk_adjustment_get_value (adjustment) + direction * page_size * 0.9);

  return TRUE;
}

static gboolean
overlay_shown (BakenFocusPath *self)
{
  return gtk_widget_get_visible (self->layout.prompt_slot) ||
         gtk_widget_get_visible (self->layout.picker_slot);
}

/* Capture phase: before GtkWindow's own arrow keys, which move focus by geometry (and
 * so skip controls beside each other). */
static gboolean
focus_key_pressed_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      BakenFocusPath        *self)
{
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK))
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      /* GtkWindow shows the ring on a key it sees; these it never sees. */
      gtk_window_set_focus_visible (GTK_WINDOW (self->layout.window), TRUE);
      gtk_widget_child_focus (self->layout.window,
                              keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up
                              ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD);
      return GDK_EVENT_STOP;

    case GDK_KEY_Escape:
      /* In kiosk mode the kiosk's key filter decides what Escape does (today it lets
       * nothing through; the keypad has its own Back key). */
      if (self->layout.kiosk || overlay_shown (self))
        return GDK_EVENT_PROPAGATE;
      /* Never further than Home: Back is off there. */
      gtk_widget_activate_action (self->layout.window, "kiosk.back", NULL);
      return GDK_EVENT_STOP;

    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      return !overlay_shown (self) && scroll_page (self, -1);

    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      return !overlay_shown (self) && scroll_page (self, 1);

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

/* "focus.place": a control with the focus went away (an answered question); the focus
 * goes where a new page would put it. */
static void
place_activated_cb (GSimpleAction  *action,
                    GVariant       *parameter,
                    BakenFocusPath *self)
{
  if (get_page (self) != NULL && !overlay_shown (self))
    place_focus (self);
}

/* GTK gives the window's first control the focus when it is first shown, whatever was
 * focused before (the page opened with --open). */
static void
window_mapped_cb (BakenFocusPath *self)
{
  if (get_page (self) != NULL)
    place_focus (self);
}

static void
baken_focus_path_class_init (BakenFocusPathClass *klass)
{
}

static void
baken_focus_path_init (BakenFocusPath *self)
{
}

BakenFocusPath *
baken_focus_path_new (const BakenFocusLayout *layout)
{
  BakenFocusPath *self;

  g_return_val_if_fail (layout != NULL && GTK_IS_WINDOW (layout->window), NULL);

  self = g_object_new (BAKEN_TYPE_FOCUS_PATH, NULL);
  self->layout = *layout;

  return self;
}

void
baken_focus_path_listen (BakenFocusPath *self)
{
  GtkEventController *controller;
  g_autoptr(GSimpleActionGroup) actions = NULL;
  g_autoptr(GSimpleAction) place = NULL;

  g_return_if_fail (BAKEN_IS_FOCUS_PATH (self));

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (controller, "baken-focus-keys");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (focus_key_pressed_cb),
                           self, 0);
  gtk_widget_add_controller (self->layout.window, controller);

  g_signal_connect_object (self->layout.window, "map", G_CALLBACK (window_mapped_cb), self,
                           G_CONNECT_SWAPPED);

  actions = g_simple_action_group_new ();
  place = g_simple_action_new ("place", NULL);
  g_signal_connect_object (place, "activate", G_CALLBACK (place_activated_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (actions), G_ACTION (place));
  gtk_widget_insert_action_group (self->layout.window, "focus", G_ACTION_GROUP (actions));
}

void
baken_focus_path_page_shown (BakenFocusPath *self)
{
  GtkWidget *page;
  GtkWidget *focus;

  g_return_if_fail (BAKEN_IS_FOCUS_PATH (self));

  /* A slip that printed or failed changes the page's heading and its controls. The
   * page dies with its handler. */
  page = get_page (self);
  if (BAKEN_IS_SPEAKABLE (page))
    g_signal_connect_object (page, "changed", G_CALLBACK (page_changed_cb), self, 0);

  name_page (self);

  /* A new language rebuilds the page: the language switch keeps the focus. */
  focus = gtk_root_get_focus (GTK_ROOT (self->layout.window));
  if (focus != NULL && gtk_widget_is_ancestor (focus, self->layout.language_box))
    return;

  place_focus (self);
}
