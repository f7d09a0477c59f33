/* baken-window-keypad.c: the tactile keypad and speech that follows the focus
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A resident who cannot see uses the keypad beside the screen ([keypad] in kiosk.conf,
 * baken-keypad.h). Any keypad key switches speech mode on at once (the read-aloud
 * state of the "Lees voor" button, a11y.read-aloud) and says where the resident is and
 * how to move; the key does nothing else then, so a first key never acts unheard. In
 * speech mode:
 *
 *   Up, Down   the previous or next control: those of the page, then those around it
 *              (Back, Home, the accessibility bar, …), round and round
 *   Enter      activates the focused control       Back, Home   as the buttons do
 *   Help       where am I, and how to move          Repeat       the focused control
 *
 * and every focus change, by keypad, Tab or touch, speaks the control ("Wonen en huur,
 * knop, 3 van 11", baken-controls.h); a new screen moves the focus to its first choice
 * and says its title and how many choices it has. Everything goes through the window's
 * one BakenSpeaker, where new speech stops the old. The idle reset switches read-aloud,
 * and so speech mode, off.
 */
#define G_LOG_DOMAIN "baken-window-keypad"

#include "config.h"

#include "baken-window-private.h"

#include <string.h>

#include "baken-controls.h"
#include "baken-home-page.h"
#include "baken-speech-text.h"

static void
speak (BakenWindow *self,
       const char  *text)
{
  /* Nothing while the window goes away. */
  if (text != NULL && self->speaker != NULL)
    baken_speaker_speak (self->speaker, text, self->language);
}

/* The controls Up and Down move between: those of what covers the page (the idle
 * prompt, the language picker) only, else the page's first and then the others. */
static GPtrArray *
collect_all (BakenWindow *self,
             GtkWidget  **group_root)
{
  GPtrArray *all;
  g_autoptr(GPtrArray) others = NULL;

  if (gtk_widget_get_visible (GTK_WIDGET (self->prompt_slot)))
    {
      *group_root = GTK_WIDGET (self->prompt_slot);
      return baken_controls_collect (*group_root, NULL);
    }
  if (gtk_widget_get_visible (GTK_WIDGET (self->picker_slot)))
    {
      *group_root = GTK_WIDGET (self->picker_slot);
      return baken_controls_collect (*group_root, NULL);
    }

  *group_root = self->page;
  all = self->page != NULL ? baken_controls_collect (self->page, NULL) : g_ptr_array_new ();
  others = baken_controls_collect (GTK_WIDGET (self), self->page);
  g_ptr_array_extend (all, others, NULL, NULL);

  return all;
}

/* The controls of the part of the screen control is in: its place is counted there. */
static GPtrArray *
collect_group (BakenWindow *self,
               GtkWidget   *control)
{
  GtkWidget *root = NULL;
  g_autoptr(GPtrArray) all = collect_all (self, &root);

  if (root != NULL && root != self->page)
    return g_steal_pointer (&all);

  if (self->page != NULL && gtk_widget_is_ancestor (control, self->page))
    return baken_controls_collect (self->page, NULL);

  return baken_controls_collect (GTK_WIDGET (self), self->page);
}

static char *
describe (BakenWindow *self,
          GtkWidget   *control)
{
  g_autoptr(GPtrArray) group = collect_group (self, control);
  guint index;

  if (!g_ptr_array_find (group, control, &index))
    return baken_controls_describe (control, 0, 0);

  return baken_controls_describe (control, index + 1, group->len);
}

static GtkWidget *
get_focus (BakenWindow *self)
{
  return gtk_root_get_focus (GTK_ROOT (self));
}

/* The screen's title, NULL on Home: the first line of what "Lees voor" reads. */
static char *
dup_title (BakenWindow *self)
{
  g_autofree char *text = NULL;
  char *end;

  if (self->page == NULL || BAKEN_IS_HOME_PAGE (self->page))
    return NULL;

  text = baken_window_dup_speech_text (self);
  if (text == NULL)
    return NULL;

  end = strchr (text, '\n');
  if (end != NULL)
    *end = '\0';
  g_strstrip (text);
  end = text + strlen (text);
  while (end > text && strchr (".:", end[-1]) != NULL)
    *--end = '\0';

  return g_steal_pointer (&text);
}

static guint
count_choices (BakenWindow *self)
{
  GtkWidget *root = NULL;
  g_autoptr(GPtrArray) all = collect_all (self, &root);
  g_autoptr(GPtrArray) page = NULL;

  if (root != self->page)
    return all->len;

  page = baken_controls_collect (self->page, NULL);

  return page->len;
}

static void
say_where (BakenWindow *self)
{
  g_autofree char *title = dup_title (self);
  g_autofree char *text = baken_speech_text_where (title, count_choices (self));

  speak (self, text);
}

static void
say_focus (BakenWindow *self)
{
  GtkWidget *focus = get_focus (self);
  g_autofree char *text = NULL;

  if (focus == NULL)
    {
      say_where (self);
      return;
    }

  text = describe (self, focus);
  speak (self, text);
}

/* Focus without speaking it: the caller says it with more. */
static void
move_focus_quietly (BakenWindow *self,
                    GtkWidget   *control)
{
  self->speech_quiet = TRUE;
  gtk_widget_grab_focus (control);
  self->speech_quiet = FALSE;
}

static void
move (BakenWindow *self,
      int          step)
{
  GtkWidget *root = NULL;
  g_autoptr(GPtrArray) all = collect_all (self, &root);
  GtkWidget *focus = get_focus (self);
  guint index;
  guint next;

  if (all->len == 0)
    {
      say_where (self);
      return;
    }

  if (focus != NULL && g_ptr_array_find (all, focus, &index))
    next = (index + all->len + step) % all->len;
  else
    next = step > 0 ? 0 : all->len - 1;

  /* Said by focus_changed_cb. */
  gtk_widget_grab_focus (g_ptr_array_index (all, next));
}

static void
activate_focus (BakenWindow *self)
{
  GtkWidget *focus = get_focus (self);

  if (focus == NULL)
    say_where (self);
  else
    gtk_widget_activate (focus);
}

static void
go (BakenWindow *self,
    const char  *action)
{
  /* Home has no Back and no Home: say where the resident is instead of nothing. */
  if (self->history->len <= 1 ||
      !gtk_widget_activate_action (GTK_WIDGET (self), action, NULL))
    say_where (self);
}

static void
speech_mode_on (BakenWindow *self)
{
  /* Read-aloud would read the whole page; speech mode says where the resident is. */
  self->speech_quiet = TRUE;
  g_action_group_change_action_state (G_ACTION_GROUP (self->a11y_actions), "read-aloud",
                                      g_variant_new_boolean (TRUE));
  self->keypad_used = TRUE;
  /* Nobody heard where the focus was: Down starts at the first choice. */
  gtk_root_set_focus (GTK_ROOT (self), NULL);
  self->speech_quiet = FALSE;
}

static gboolean
speak_focus_cb (gpointer data)
{
  BakenWindow *self = data;
  GtkWidget *focus = get_focus (self);
  g_autofree char *text = NULL;

  self->focus_speech_id = 0;
  if (self->read_aloud && self->keypad_used && focus != NULL)
    {
      text = describe (self, focus);
      speak (self, text);
    }

  return G_SOURCE_REMOVE;
}

/* Said once the focus has settled: while a page is replaced, GTK moves it on its own
 * (and the new screen says its first choice itself). */
static void
focus_changed_cb (BakenWindow *self)
{
  /* Only in speech mode: "Lees voor" alone keeps reading the whole page, which a focus
   * that GTK moves after a page change would cut short. */
  if (!self->read_aloud || !self->keypad_used || self->speech_quiet ||
      self->focus_speech_id != 0)
    return;

  self->focus_speech_id = g_idle_add (speak_focus_cb, self);
}

gboolean
_baken_window_keypad_press (BakenWindow     *self,
                            guint            keyval,
                            GdkModifierType  state)
{
  BakenKeypadCommand command;

  if (self->keypad == NULL || !baken_keypad_lookup (self->keypad, keyval, state, &command))
    return FALSE;

  _baken_window_idle_poke (self);

  if (!self->read_aloud || !self->keypad_used)
    {
      speech_mode_on (self);
      say_where (self);
      return TRUE;
    }

  switch (command)
    {
    case BAKEN_KEYPAD_HELP:
      say_where (self);
      break;
    case BAKEN_KEYPAD_UP:
      move (self, -1);
      break;
    case BAKEN_KEYPAD_DOWN:
      move (self, +1);
      break;
    case BAKEN_KEYPAD_ENTER:
      activate_focus (self);
      break;
    case BAKEN_KEYPAD_BACK:
      go (self, "kiosk.back");
      break;
    case BAKEN_KEYPAD_HOME:
      go (self, "kiosk.home");
      break;
    case BAKEN_KEYPAD_REPEAT:
      say_focus (self);
      break;
    case BAKEN_KEYPAD_N_COMMANDS:
    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

gboolean
_baken_window_keypad_page_shown (BakenWindow *self)
{
  g_autoptr(GPtrArray) choices = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GString) text = NULL;
  g_autofree char *screen = NULL;

  if (!self->read_aloud || !self->keypad_used || self->page == NULL)
    return FALSE;

  choices = baken_controls_collect (self->page, NULL);
  title = dup_title (self);
  screen = baken_speech_text_screen (title, choices->len);
  text = g_string_new (screen);
  if (choices->len > 0)
    {
      g_autofree char *first = NULL;

      move_focus_quietly (self, g_ptr_array_index (choices, 0));
      first = baken_controls_describe (g_ptr_array_index (choices, 0), 1, choices->len);
      g_string_append (text, first);
    }
  g_clear_handle_id (&self->focus_speech_id, g_source_remove);
  speak (self, text->str);

  return TRUE;
}

static gboolean
keypad_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       BakenWindow           *self)
{
  return _baken_window_keypad_press (self, keyval, state) ? GDK_EVENT_STOP
                                                         : GDK_EVENT_PROPAGATE;
}

void
_baken_window_keypad_init (BakenWindow *self)
{
  self->keypad = baken_keypad_new (baken_context_get_config (self->context));
  g_signal_connect (self, "notify::focus-widget", G_CALLBACK (focus_changed_cb), NULL);

  /* In kiosk mode the kiosk's key filter asks first (baken-window.c). */
  if (!self->kiosk)
    {
      GtkEventController *controller = gtk_event_controller_key_new ();

      gtk_event_controller_set_name (controller, "baken-keypad");
      gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
      g_signal_connect (controller, "key-pressed", G_CALLBACK (keypad_key_pressed_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (self), controller);
    }
}

void
_baken_window_keypad_dispose (BakenWindow *self)
{
  g_clear_handle_id (&self->focus_speech_id, g_source_remove);
  g_clear_object (&self->keypad);
}
