/* baken-a11y-controller.c: read aloud, text size, contrast, reach and the language picker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One tap each from every screen (the bar above Back and Home), all off again at the
 * idle reset so the next resident starts from the same kiosk. The state is in the
 * stateful actions of the "a11y" group on the window, which the bar's buttons follow:
 *
 *   a11y.read-aloud     b   read every screen aloud (espeak-ng, baken-speaker.c)
 *   a11y.text-size      i   0 normal, 1 large, 2 very large (class on the window)
 *   a11y.high-contrast  b   white on black (class on the window, style-hc.css)
 *   a11y.low-reach      b   everything in the lower part of the screen
 *   a11y.choose-language    the language picker (more than two languages)
 *   a11y.close-languages    closes it
 *
 * Arabic turns the whole layout right-to-left (gtk_widget_set_default_direction);
 * pages and bars built for a language keep its direction (baken-direction.h).
 */
#define G_LOG_DOMAIN "baken-window-a11y"

#include "config.h"

#include "baken-a11y-controller.h"

#include "baken-a11y-bar.h"
#include "baken-home-page.h"
#include "baken-high-contrast.h"
#include "baken-language-picker.h"
#include "baken-speakable.h"
#include "baken-text-size.h"

#define LOW_REACH_CLASS "low-reach"

struct _BakenA11yController
{
  GObject              parent_instance;

  /* Inputs */
  BakenA11yLayout      layout;        /* (unowned) widgets of the window, which owns this */
  char               **languages;     /* (owned) */
  BakenSpeechTextFunc  text_func;
  gpointer             text_data;
  BakenA11ySayFunc     say_func;      /* (nullable) takes what the page says by itself */
  gpointer             say_data;

  /* State; all reset between residents */
  GSimpleActionGroup  *actions;       /* (owned) "a11y.*" */
  BakenSpeaker        *speaker;       /* (owned) */
  char                *language;      /* (owned) */
  gboolean             read_aloud;
  gboolean             quiet;         /* read-aloud goes on without reading the page */
  BakenTextSize        text_size;
  gboolean             high_contrast;
  gboolean             low_reach;
};

G_DEFINE_FINAL_TYPE (BakenA11yController, baken_a11y_controller, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_READ_ALOUD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_ACTIVITY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
get_page (BakenA11yController *self)
{
  return gtk_stack_get_visible_child (self->layout.stack);
}

static gboolean
is_shown (AdwBin *slot)
{
  return gtk_widget_get_visible (GTK_WIDGET (slot));
}

static void
set_window_class (BakenA11yController *self,
                  const char          *css_class,
                  gboolean             on)
{
  if (on)
    gtk_widget_add_css_class (self->layout.window, css_class);
  else
    gtk_widget_remove_css_class (self->layout.window, css_class);
}

static void
speak_now (BakenA11yController *self)
{
  g_autofree char *text = baken_a11y_controller_dup_text (self);

  if (text != NULL)
    baken_speaker_speak (self->speaker, text, self->language);
  else
    baken_speaker_stop (self->speaker);
}

static void
set_read_aloud (BakenA11yController *self,
                gboolean             on)
{
  gboolean changed = self->read_aloud != on;

  self->read_aloud = on;
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ALOUD]);
  /* Speech mode says where the resident is instead (baken-speech-mode.c). */
  if (on && !self->quiet)
    speak_now (self);
  else
    baken_speaker_stop (self->speaker);
}

/* Every Home tile at the largest text needs more than the lower two thirds of a portrait
 * screen, and Home does not scroll: there the page keeps its place (the bars with the
 * controls still come down). */
static void
fit_page (BakenA11yController *self)
{
  GtkWidget *page = get_page (self);
  gboolean home = page != NULL && BAKEN_IS_HOME_PAGE (page);
  gboolean largest = self->text_size == BAKEN_TEXT_SIZE_VERY_LARGE;

  baken_reach_bin_set_active (self->layout.reach_bin, self->low_reach && !(home && largest));
}

static void
set_text_size (BakenA11yController *self,
               BakenTextSize        size)
{
  GtkWidget *bar = adw_bin_get_child (self->layout.bar_slot);
  const char *old_class = baken_text_size_get_css_class (self->text_size);
  const char *new_class = baken_text_size_get_css_class (size);

  if (old_class != NULL)
    gtk_widget_remove_css_class (self->layout.window, old_class);
  if (new_class != NULL)
    gtk_widget_add_css_class (self->layout.window, new_class);
  self->text_size = size;
  fit_page (self);

  if (bar != NULL)
    baken_a11y_bar_set_text_size (BAKEN_A11Y_BAR (bar), size);
}

static void
set_high_contrast (BakenA11yController *self,
                   gboolean             on)
{
  self->high_contrast = on;
  baken_high_contrast_apply (self->layout.window, on);
}

static void
set_low_reach (BakenA11yController *self,
               gboolean             on)
{
  GtkWidget *topbar = self->layout.topbar;
  GtkWidget *content = gtk_widget_get_parent (topbar);

  self->low_reach = on;
  set_window_class (self, LOW_REACH_CLASS, on);
  fit_page (self);

  /* The top bar (name, languages) comes down too: just above the accessibility bar. */
  if (on)
    gtk_box_reorder_child_after (GTK_BOX (content), topbar,
                                 GTK_WIDGET (self->layout.reach_bin));
  else
    gtk_box_reorder_child_after (GTK_BOX (content), topbar, NULL);
}

static void
hide_picker (BakenA11yController *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->layout.picker_slot), FALSE);
  adw_bin_set_child (self->layout.picker_slot, NULL);
}

static void
show_picker (BakenA11yController *self,
             gboolean             show)
{
  if (show)
    {
      adw_bin_set_child (self->layout.picker_slot,
                         baken_language_picker_new ((const char * const *) self->languages));
      gtk_widget_set_visible (GTK_WIDGET (self->layout.picker_slot), TRUE);
    }
  else
    {
      hide_picker (self);
    }

  if (self->read_aloud)
    speak_now (self);
}

static void
change_state_cb (GSimpleAction *action,
                 GVariant      *value,
                 gpointer       user_data)
{
  BakenA11yController *self = user_data;
  const char *name = g_action_get_name (G_ACTION (action));

  if (g_str_equal (name, "read-aloud"))
    {
      set_read_aloud (self, g_variant_get_boolean (value));
    }
  else if (g_str_equal (name, "text-size"))
    {
      gint32 size = g_variant_get_int32 (value);

      if (size < BAKEN_TEXT_SIZE_NORMAL || size > BAKEN_TEXT_SIZE_LAST)
        return;
      set_text_size (self, (BakenTextSize) size);
    }
  else if (g_str_equal (name, "high-contrast"))
    {
      set_high_contrast (self, g_variant_get_boolean (value));
    }
  else if (g_str_equal (name, "low-reach"))
    {
      set_low_reach (self, g_variant_get_boolean (value));
    }

  g_simple_action_set_state (action, value);
  g_signal_emit (self, signals[SIGNAL_ACTIVITY], 0);
}

static void
activate_cb (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  BakenA11yController *self = user_data;
  const char *name = g_action_get_name (G_ACTION (action));

  show_picker (self, g_str_equal (name, "choose-language"));
  g_signal_emit (self, signals[SIGNAL_ACTIVITY], 0);
}

/* What the page says without being asked (a slip that printed, "Dank u wel!"): to the
 * say func when it takes it, else straight out. */
static void
say_by_itself (BakenA11yController *self,
               const char          *text)
{
  if (text == NULL)
    baken_speaker_stop (self->speaker);
  else if (self->say_func == NULL || !self->say_func (text, self->say_data))
    baken_a11y_controller_say (self, text);
}

/* "a11y.say" ("s"): a short word of what a part of the page shows now ("Dank u wel!"),
 * heard when read-aloud is on, from a part that cannot take the focus to be said. */
static void
say_cb (GSimpleAction *action,
        GVariant      *parameter,
        gpointer       user_data)
{
  BakenA11yController *self = user_data;

  if (baken_a11y_controller_get_read_aloud (self))
    say_by_itself (self, g_variant_get_string (parameter, NULL));
}

static void
reset_action (BakenA11yController *self,
              const char          *name,
              GVariant            *state)
{
  g_autoptr(GVariant) owned = g_variant_ref_sink (state);

  g_action_group_change_action_state (G_ACTION_GROUP (self->actions), name, owned);
}

static void
page_speech_changed_cb (BakenSpeakable      *page,
                        BakenA11yController *self)
{
  /* Only the page on screen speaks, and only when nothing covers it. */
  if (self->read_aloud && GTK_WIDGET (page) == get_page (self) &&
      !is_shown (self->layout.prompt_slot) &&
      !is_shown (self->layout.picker_slot))
    {
      g_autofree char *text = baken_a11y_controller_dup_text (self);

      say_by_itself (self, text);
    }
}

static void
baken_a11y_controller_dispose (GObject *object)
{
  BakenA11yController *self = BAKEN_A11Y_CONTROLLER (object);

  if (self->speaker != NULL)
    baken_speaker_stop (self->speaker);
  g_clear_object (&self->speaker);
  if (self->actions != NULL && self->layout.window != NULL)
    gtk_widget_insert_action_group (self->layout.window, "a11y", NULL);
  g_clear_object (&self->actions);

  G_OBJECT_CLASS (baken_a11y_controller_parent_class)->dispose (object);
}

static void
baken_a11y_controller_finalize (GObject *object)
{
  BakenA11yController *self = BAKEN_A11Y_CONTROLLER (object);

  g_strfreev (self->languages);
  g_free (self->language);

  G_OBJECT_CLASS (baken_a11y_controller_parent_class)->finalize (object);
}

static void
baken_a11y_controller_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  BakenA11yController *self = BAKEN_A11Y_CONTROLLER (object);

  switch (prop_id)
    {
    case PROP_READ_ALOUD:
      g_value_set_boolean (value, baken_a11y_controller_get_read_aloud (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baken_a11y_controller_class_init (BakenA11yControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = baken_a11y_controller_dispose;
  object_class->finalize = baken_a11y_controller_finalize;
  object_class->get_property = baken_a11y_controller_get_property;

  properties[PROP_READ_ALOUD] =
    g_param_spec_boolean ("read-aloud", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_ACTIVITY] =
    g_signal_new ("activity",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
baken_a11y_controller_init (BakenA11yController *self)
{
  self->language = g_strdup ("nl");
}

BakenA11yController *
baken_a11y_controller_new (const BakenA11yLayout *layout,
                           const char * const    *languages,
                           gboolean               kiosk,
                           BakenSpeechTextFunc    text_func,
                           gpointer               user_data)
{
  const GActionEntry entries[] = {
    { "read-aloud", NULL, NULL, "false", change_state_cb, { 0 } },
    { "text-size", NULL, "i", "0", change_state_cb, { 0 } },
    { "high-contrast", NULL, NULL, "false", change_state_cb, { 0 } },
    { "low-reach", NULL, NULL, "false", change_state_cb, { 0 } },
    { "choose-language", activate_cb, NULL, NULL, NULL, { 0 } },
    { "close-languages", activate_cb, NULL, NULL, NULL, { 0 } },
    { "say", say_cb, "s", NULL, NULL, { 0 } },
  };
  BakenA11yController *self;

  g_return_val_if_fail (layout != NULL && GTK_IS_WIDGET (layout->window), NULL);
  g_return_val_if_fail (text_func != NULL, NULL);

  self = g_object_new (BAKEN_TYPE_A11Y_CONTROLLER, NULL);
  self->layout = *layout;
  self->languages = g_strdupv ((char **) languages);
  self->text_func = text_func;
  self->text_data = user_data;

  self->speaker = baken_speaker_new_from_environment (kiosk);
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries,
                                   G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (layout->window, "a11y", G_ACTION_GROUP (self->actions));

  baken_text_size_install (gtk_widget_get_display (layout->window));

  return self;
}

void
baken_a11y_controller_reset (BakenA11yController *self)
{
  g_return_if_fail (BAKEN_IS_A11Y_CONTROLLER (self));

  /* Speech first: closing the picker would read the page under it aloud. */
  reset_action (self, "read-aloud", g_variant_new_boolean (FALSE));
  show_picker (self, FALSE);
  reset_action (self, "text-size", g_variant_new_int32 (BAKEN_TEXT_SIZE_NORMAL));
  reset_action (self, "high-contrast", g_variant_new_boolean (FALSE));
  reset_action (self, "low-reach", g_variant_new_boolean (FALSE));
}

gboolean
baken_a11y_controller_is_default (BakenA11yController *self)
{
  g_return_val_if_fail (BAKEN_IS_A11Y_CONTROLLER (self), FALSE);

  return !self->read_aloud &&
         self->text_size == BAKEN_TEXT_SIZE_NORMAL &&
         !self->high_contrast &&
         !self->low_reach &&
         !is_shown (self->layout.picker_slot);
}

GtkWidget *
baken_a11y_controller_create_bar (BakenA11yController *self)
{
  GtkWidget *bar;

  g_return_val_if_fail (BAKEN_IS_A11Y_CONTROLLER (self), NULL);

  bar = baken_a11y_bar_new ();
  baken_a11y_bar_set_text_size (BAKEN_A11Y_BAR (bar), self->text_size);

  return bar;
}

void
baken_a11y_controller_set_language (BakenA11yController *self,
                                    const char          *language)
{
  g_return_if_fail (BAKEN_IS_A11Y_CONTROLLER (self));
  g_return_if_fail (language != NULL);

  g_free (self->language);
  self->language = g_strdup (language);

  /* Every widget without a direction of its own follows, the existing ones too. */
  gtk_widget_set_default_direction (g_str_equal (language, "ar") ? GTK_TEXT_DIR_RTL
                                                                 : GTK_TEXT_DIR_LTR);

  if (is_shown (self->layout.picker_slot))
    hide_picker (self);
}

void
baken_a11y_controller_page_shown (BakenA11yController *self)
{
  GtkWidget *page;

  g_return_if_fail (BAKEN_IS_A11Y_CONTROLLER (self));

  /* A slip that printed or failed says so. The page dies with its handler. */
  page = get_page (self);
  if (BAKEN_IS_SPEAKABLE (page))
    g_signal_connect_object (page, "changed", G_CALLBACK (page_speech_changed_cb), self, 0);

  fit_page (self);
}

void
baken_a11y_controller_read_page (BakenA11yController *self)
{
  g_return_if_fail (BAKEN_IS_A11Y_CONTROLLER (self));

  /* A new screen stops the old speech; when reading aloud, the new one is read. */
  if (self->read_aloud)
    speak_now (self);
  else
    baken_speaker_stop (self->speaker);
}

gboolean
baken_a11y_controller_open (BakenA11yController  *self,
                            const char           *step,
                            GError              **error)
{
  GActionGroup *group;

  g_return_val_if_fail (BAKEN_IS_A11Y_CONTROLLER (self), FALSE);

  group = G_ACTION_GROUP (self->actions);
  if (g_str_equal (step, "read-aloud"))
    g_action_group_change_action_state (group, "read-aloud", g_variant_new_boolean (TRUE));
  else if (g_str_equal (step, "large"))
    g_action_group_change_action_state (group, "text-size",
                                        g_variant_new_int32 (BAKEN_TEXT_SIZE_LARGE));
  else if (g_str_equal (step, "very-large"))
    g_action_group_change_action_state (group, "text-size",
                                        g_variant_new_int32 (BAKEN_TEXT_SIZE_VERY_LARGE));
  else if (g_str_equal (step, "contrast"))
    g_action_group_change_action_state (group, "high-contrast", g_variant_new_boolean (TRUE));
  else if (g_str_equal (step, "low-reach"))
    g_action_group_change_action_state (group, "low-reach", g_variant_new_boolean (TRUE));
  else if (g_str_equal (step, "languages"))
    g_action_group_activate_action (group, "choose-language", NULL);
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "a11y:%s: give read-aloud, large, very-large, contrast, low-reach or "
                   "languages", step);
      return FALSE;
    }

  return TRUE;
}

void
baken_a11y_controller_stop_reading (BakenA11yController *self)
{
  g_return_if_fail (BAKEN_IS_A11Y_CONTROLLER (self));

  reset_action (self, "read-aloud", g_variant_new_boolean (FALSE));
}

gboolean
baken_a11y_controller_get_read_aloud (BakenA11yController *self)
{
  g_return_val_if_fail (BAKEN_IS_A11Y_CONTROLLER (self), FALSE);

  return self->read_aloud;
}

void
baken_a11y_controller_read_aloud_quietly (BakenA11yController *self)
{
  g_return_if_fail (BAKEN_IS_A11Y_CONTROLLER (self));

  self->quiet = TRUE;
  g_action_group_change_action_state (G_ACTION_GROUP (self->actions), "read-aloud",
                                      g_variant_new_boolean (TRUE));
  self->quiet = FALSE;
}

char *
baken_a11y_controller_dup_text (BakenA11yController *self)
{
  g_return_val_if_fail (BAKEN_IS_A11Y_CONTROLLER (self), NULL);

  return self->text_func (self->text_data);
}

void
baken_a11y_controller_say (BakenA11yController *self,
                           const char          *text)
{
  g_return_if_fail (BAKEN_IS_A11Y_CONTROLLER (self));

  /* Nothing while the window goes away. */
  if (text != NULL && self->speaker != NULL)
    baken_speaker_speak (self->speaker, text, self->language);
}

void
baken_a11y_controller_set_say_func (BakenA11yController *self,
                                    BakenA11ySayFunc     func,
                                    gpointer             user_data)
{
  g_return_if_fail (BAKEN_IS_A11Y_CONTROLLER (self));

  self->say_func = func;
  self->say_data = user_data;
}

BakenSpeaker *
baken_a11y_controller_get_speaker (BakenA11yController *self)
{
  g_return_val_if_fail (BAKEN_IS_A11Y_CONTROLLER (self), NULL);

  return self->speaker;
}
