/* baken-speech-mode.c: speech that follows the focus, for a resident who cannot see
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Speech mode is read-aloud switched on by the keypad (baken-keypad-controller.c). In
 * speech mode every focus change, by keypad, Tab or touch, speaks the control ("Wonen
 * en huur, knop, 3 van 11", baken-controls.h); a new screen moves the focus to its
 * first choice and says its title and how many choices it has. Up and Down move
 * through the controls of the page, then those around it (Back, Home, the
 * accessibility bar, …), round and round. Everything goes through the window's one
 * BakenSpeaker, where new speech stops the old. Read-aloud off (the idle reset, or the
 * "Lees voor" button) switches speech mode off.
 */
#define G_LOG_DOMAIN "baken-window-keypad"

#include "config.h"

#include "baken-speech-mode.h"

#include <string.h>

#include "baken-controls.h"
#include "baken-feedback.h"
#include "baken-home-page.h"
#include "baken-search-page.h"
#include "baken-speech-span.h"
#include "baken-speech-text.h"

struct _BakenSpeechMode
{
  GObject              parent_instance;

  /* Inputs: the window owns this and them */
  GtkWidget           *window;       /* (unowned) */
  GtkStack            *stack;        /* (unowned) */
  AdwBin              *prompt_slot;  /* (unowned) */
  AdwBin              *picker_slot;  /* (unowned) */
  BakenA11yController *a11y;         /* (owned) */

  /* State */
  gboolean             keypad_used;  /* read-aloud was switched on by switch_on () */
  gboolean             on;           /* what "on" said last */
  gboolean             quiet;        /* a focus change that the caller says itself */
  guint                speak_id;     /* GSource: says the focus once settled, or 0 */
  GtkWidget           *said_focus;   /* (nullable) weak: the control said last */
  char                *pending;      /* (owned) (nullable) said before the focus */
};

G_DEFINE_FINAL_TYPE (BakenSpeechMode, baken_speech_mode, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_on (BakenSpeechMode *self)
{
  gboolean on = baken_speech_mode_get_on (self);

  if (self->on == on)
    return;

  self->on = on;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ON]);
}

static GtkWidget *
get_page (BakenSpeechMode *self)
{
  return gtk_stack_get_visible_child (self->stack);
}

static void
speak (BakenSpeechMode *self,
       const char      *text)
{
  baken_a11y_controller_say (self->a11y, text);
}

/* The controls Up and Down move between: those of what covers the page (the idle
 * prompt, the language picker) only, else the page's first and then the others. */
static GPtrArray *
collect_all (BakenSpeechMode  *self,
             GtkWidget       **group_root)
{
  GtkWidget *page = get_page (self);
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

  *group_root = page;
  all = page != NULL ? baken_controls_collect (page, NULL) : g_ptr_array_new ();
  others = baken_controls_collect (self->window, page);
  g_ptr_array_extend (all, others, NULL, NULL);

  return all;
}

/* The controls of the part of the screen control is in: its place is counted there. */
static GPtrArray *
collect_group (BakenSpeechMode *self,
               GtkWidget       *control)
{
  GtkWidget *page = get_page (self);
  GtkWidget *root = NULL;
  g_autoptr(GPtrArray) all = collect_all (self, &root);

  if (root != NULL && root != page)
    return g_steal_pointer (&all);

  if (page != NULL && gtk_widget_is_ancestor (control, page))
    return baken_controls_collect (page, NULL);

  return baken_controls_collect (self->window, page);
}

/* The question of the answers that control is one of ("Heeft dit u geholpen?"), when
 * the focus comes to them from elsewhere, else NULL. */
static const char *
entered_question (BakenSpeechMode *self,
                  GtkWidget       *control)
{
  GtkWidget *feedback = gtk_widget_get_ancestor (control, BAKEN_TYPE_FEEDBACK);

  /* Not again while moving among the answers of the same question. */
  if (feedback == NULL ||
      (self->said_focus != NULL &&
       baken_feedback_shows (BAKEN_FEEDBACK (feedback), self->said_focus)))
    return NULL;

  return baken_feedback_get_question (BAKEN_FEEDBACK (feedback));
}

static char *
describe (BakenSpeechMode *self,
          GtkWidget       *control)
{
  g_autoptr(GPtrArray) group = collect_group (self, control);
  const char *question = entered_question (self, control);
  g_autofree char *text = NULL;
  guint index;

  if (!g_ptr_array_find (group, control, &index))
    text = baken_controls_describe (control, 0, 0);
  else
    text = baken_controls_describe (control, index + 1, group->len);

  if (question != NULL)
    return g_strdup_printf ("%s %s", question, text);

  return g_steal_pointer (&text);
}

static GtkWidget *
get_focus (BakenSpeechMode *self)
{
  return gtk_root_get_focus (GTK_ROOT (self->window));
}

/* The screen's title, NULL on Home: the first line of what "Lees voor" reads (a life
 * event's title, a service's organisation), and the page's heading when that is
 * something else (the question of a life event, the name of a service). */
static char *
dup_title (BakenSpeechMode *self)
{
  GtkWidget *page = get_page (self);
  g_autofree char *text = NULL;
  g_autofree char *plain = NULL;
  const char *heading;
  char *end;

  if (page == NULL || BAKEN_IS_HOME_PAGE (page))
    return NULL;

  text = baken_a11y_controller_dup_text (self->a11y);
  if (text == NULL)
    return NULL;

  end = strchr (text, '\n');
  if (end != NULL)
    *end = '\0';
  g_strstrip (text);
  end = text + strlen (text);
  while (end > text && strchr (".:", end[-1]) != NULL)
    *--end = '\0';

  heading = gtk_stack_page_get_title (gtk_stack_get_page (self->stack, page));
  plain = baken_speech_span_strip (text);
  if (heading != NULL && *heading != '\0' && !g_str_has_prefix (heading, plain))
    return g_strdup_printf ("%s. %s", text, heading);

  return g_steal_pointer (&text);
}

static guint
count_choices (BakenSpeechMode *self)
{
  GtkWidget *page = get_page (self);
  GtkWidget *root = NULL;
  g_autoptr(GPtrArray) all = collect_all (self, &root);
  g_autoptr(GPtrArray) choices = NULL;

  if (root != page)
    return all->len;

  choices = baken_controls_collect (page, NULL);

  return choices->len;
}

/* Focus without speaking it: the caller says it with more. */
static void
move_focus_quietly (BakenSpeechMode *self,
                    GtkWidget       *control)
{
  self->quiet = TRUE;
  gtk_widget_grab_focus (control);
  self->quiet = FALSE;
}

static gboolean
speak_focus_cb (gpointer data)
{
  BakenSpeechMode *self = data;
  GtkWidget *focus = get_focus (self);
  g_autofree char *pending = g_steal_pointer (&self->pending);
  g_autofree char *text = NULL;

  self->speak_id = 0;
  if (!baken_speech_mode_get_on (self))
    return G_SOURCE_REMOVE;
  /* A scroller that kept the focus of a control gone from view is no control: the next
   * key goes on from the page's first. */
  if (GTK_IS_SCROLLED_WINDOW (focus) || GTK_IS_VIEWPORT (focus))
    focus = NULL;
  /* Not twice in a row: GTK may move the focus off and back while a screen is rebuilt
   * (a new language), and the second time would cut the screen's title short. What the
   * page says by itself is followed by where the focus is, also when it stayed. */
  if (focus != NULL && (focus != self->said_focus || pending != NULL))
    {
      g_autofree char *control = describe (self, focus);

      text = pending != NULL ? g_strdup_printf ("%s\n%s", g_strchomp (pending), control)
                             : g_steal_pointer (&control);
      g_set_weak_pointer (&self->said_focus, focus);
    }
  else
    {
      text = g_steal_pointer (&pending);
    }
  if (text != NULL)
    speak (self, text);

  return G_SOURCE_REMOVE;
}

/* In speech mode, what the page says by itself (a slip that printed, the thanks for an
 * answer) is said once the focus has settled, together with where it is: else the
 * focus, said a moment later, would cut it short, or it would cut the focus short. */
static gboolean
say_by_itself_cb (const char *text,
                  gpointer    user_data)
{
  BakenSpeechMode *self = user_data;

  if (!baken_speech_mode_get_on (self))
    return FALSE;

  g_free (self->pending);
  self->pending = g_strdup (text);
  if (self->speak_id == 0)
    self->speak_id = g_idle_add (speak_focus_cb, self);

  return TRUE;
}

/* Said once the focus has settled: while a page is replaced, GTK moves it on its own
 * (and the new screen says its first choice itself). */
static void
focus_changed_cb (BakenSpeechMode *self)
{
  /* Only in speech mode: "Lees voor" alone keeps reading the whole page, which a focus
   * that GTK moves after a page change would cut short. */
  if (!baken_speech_mode_get_on (self) || self->quiet || self->speak_id != 0)
    return;

  self->speak_id = g_idle_add (speak_focus_cb, self);
}

static void
read_aloud_changed_cb (BakenSpeechMode *self)
{
  if (!baken_a11y_controller_get_read_aloud (self->a11y))
    self->keypad_used = FALSE;
  update_on (self);
}

static void
baken_speech_mode_dispose (GObject *object)
{
  BakenSpeechMode *self = BAKEN_SPEECH_MODE (object);

  g_clear_handle_id (&self->speak_id, g_source_remove);
  g_clear_weak_pointer (&self->said_focus);
  g_clear_pointer (&self->pending, g_free);
  if (self->a11y != NULL)
    baken_a11y_controller_set_say_func (self->a11y, NULL, NULL);
  g_clear_object (&self->a11y);

  G_OBJECT_CLASS (baken_speech_mode_parent_class)->dispose (object);
}

static void
baken_speech_mode_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_ON:
      g_value_set_boolean (value, baken_speech_mode_get_on (BAKEN_SPEECH_MODE (object)));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baken_speech_mode_class_init (BakenSpeechModeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = baken_speech_mode_dispose;
  object_class->get_property = baken_speech_mode_get_property;

  properties[PROP_ON] =
    g_param_spec_boolean ("on", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
baken_speech_mode_init (BakenSpeechMode *self)
{
}

BakenSpeechMode *
baken_speech_mode_new (GtkWidget           *window,
                       GtkStack            *stack,
                       AdwBin              *prompt_slot,
                       AdwBin              *picker_slot,
                       BakenA11yController *a11y)
{
  BakenSpeechMode *self;

  g_return_val_if_fail (GTK_IS_ROOT (window), NULL);
  g_return_val_if_fail (BAKEN_IS_A11Y_CONTROLLER (a11y), NULL);

  self = g_object_new (BAKEN_TYPE_SPEECH_MODE, NULL);
  self->window = window;
  self->stack = stack;
  self->prompt_slot = prompt_slot;
  self->picker_slot = picker_slot;
  self->a11y = g_object_ref (a11y);

  g_signal_connect_object (window, "notify::focus-widget",
                           G_CALLBACK (focus_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (a11y, "notify::read-aloud",
                           G_CALLBACK (read_aloud_changed_cb), self, G_CONNECT_SWAPPED);
  baken_a11y_controller_set_say_func (a11y, say_by_itself_cb, self);

  return self;
}

gboolean
baken_speech_mode_get_on (BakenSpeechMode *self)
{
  g_return_val_if_fail (BAKEN_IS_SPEECH_MODE (self), FALSE);

  return self->keypad_used && baken_a11y_controller_get_read_aloud (self->a11y);
}

void
baken_speech_mode_switch_on (BakenSpeechMode *self)
{
  g_return_if_fail (BAKEN_IS_SPEECH_MODE (self));

  /* Read-aloud would read the whole page; speech mode says where the resident is. */
  self->quiet = TRUE;
  baken_a11y_controller_read_aloud_quietly (self->a11y);
  self->keypad_used = TRUE;
  /* Nobody heard where the focus was: Down starts at the first choice. */
  gtk_root_set_focus (GTK_ROOT (self->window), NULL);
  self->quiet = FALSE;
  update_on (self);
}

gboolean
baken_speech_mode_get_prompted (BakenSpeechMode *self)
{
  g_return_val_if_fail (BAKEN_IS_SPEECH_MODE (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self->prompt_slot));
}

void
baken_speech_mode_hold_focus (BakenSpeechMode *self)
{
  g_return_if_fail (BAKEN_IS_SPEECH_MODE (self));

  g_clear_handle_id (&self->speak_id, g_source_remove);
  g_clear_pointer (&self->pending, g_free);
  /* Something else was said: the next focus change is said, even to the same control. */
  g_clear_weak_pointer (&self->said_focus);
}

void
baken_speech_mode_say_where (BakenSpeechMode *self)
{
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (BAKEN_IS_SPEECH_MODE (self));

  title = dup_title (self);
  text = baken_speech_text_where (title, count_choices (self));
  speak (self, text);
}

void
baken_speech_mode_say_screen (BakenSpeechMode *self)
{
  g_autofree char *text = NULL;

  g_return_if_fail (BAKEN_IS_SPEECH_MODE (self));

  text = baken_a11y_controller_dup_text (self->a11y);
  if (text != NULL)
    speak (self, text);
  else
    baken_speech_mode_say_where (self);
}

void
baken_speech_mode_say_focus (BakenSpeechMode *self)
{
  GtkWidget *focus;
  g_autofree char *text = NULL;

  g_return_if_fail (BAKEN_IS_SPEECH_MODE (self));

  focus = get_focus (self);
  if (focus == NULL)
    {
      baken_speech_mode_say_where (self);
      return;
    }

  text = describe (self, focus);
  speak (self, text);
  g_set_weak_pointer (&self->said_focus, focus);
}

void
baken_speech_mode_move (BakenSpeechMode *self,
                        int              step)
{
  GtkWidget *root = NULL;
  g_autoptr(GPtrArray) all = NULL;
  GtkWidget *focus;
  guint index;
  guint next;

  g_return_if_fail (BAKEN_IS_SPEECH_MODE (self));

  all = collect_all (self, &root);
  focus = get_focus (self);
  if (all->len == 0)
    {
      baken_speech_mode_say_where (self);
      return;
    }

  if (focus != NULL && g_ptr_array_find (all, focus, &index))
    next = (index + all->len + step) % all->len;
  else
    next = step > 0 ? 0 : all->len - 1;

  /* Said by focus_changed_cb; the only control of its part is said again. */
  if (g_ptr_array_index (all, next) == focus)
    baken_speech_mode_say_focus (self);
  else
    gtk_widget_grab_focus (g_ptr_array_index (all, next));
}

void
baken_speech_mode_activate (BakenSpeechMode *self)
{
  GtkWidget *focus;

  g_return_if_fail (BAKEN_IS_SPEECH_MODE (self));

  focus = get_focus (self);
  if (focus == NULL)
    baken_speech_mode_say_where (self);
  else
    gtk_widget_activate (focus);
}

gboolean
baken_speech_mode_page_shown (BakenSpeechMode *self)
{
  GtkWidget *page;
  g_autoptr(GPtrArray) choices = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GString) text = NULL;
  g_autofree char *screen = NULL;

  g_return_val_if_fail (BAKEN_IS_SPEECH_MODE (self), FALSE);

  page = get_page (self);
  if (!baken_speech_mode_get_on (self) || page == NULL)
    return FALSE;

  choices = baken_controls_collect (page, NULL);
  title = dup_title (self);
  /* The search page's choices are the keys of its keyboard: what to type is said
   * instead of how many keys there are. */
  if (BAKEN_IS_SEARCH_PAGE (page))
    screen = baken_a11y_controller_dup_text (self->a11y);
  else
    screen = baken_speech_text_screen (title, choices->len);
  text = g_string_new (screen);
  if (choices->len > 0)
    {
      g_autofree char *first = NULL;

      move_focus_quietly (self, g_ptr_array_index (choices, 0));
      g_set_weak_pointer (&self->said_focus, g_ptr_array_index (choices, 0));
      first = baken_controls_describe (g_ptr_array_index (choices, 0), 1, choices->len);
      g_string_append (text, first);
    }
  g_clear_handle_id (&self->speak_id, g_source_remove);
  g_clear_pointer (&self->pending, g_free);
  speak (self, text->str);

  return TRUE;
}
