/* baken-window-a11y.c: read aloud, text size, contrast, reach and the language picker
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
 * the pages are rebuilt on every language change anyway.
 */
#define G_LOG_DOMAIN "baken-window-a11y"

#include "config.h"

#include "baken-window-private.h"

#include <glib/gi18n.h>

#include "baken-a11y-bar.h"
#include "baken-home-page.h"
#include "baken-icon.h"
#include "baken-idle-dialog.h"
#include "baken-language-picker.h"
#include "baken-languages.h"
#include "baken-speakable.h"
#include "baken-speech-text.h"

#define HIGH_CONTRAST_RESOURCE "/nl/baken/Kiosk/a11y/style-hc.css"
#define HIGH_CONTRAST_CLASS "high-contrast"
#define LOW_REACH_CLASS "low-reach"

static void
install_high_contrast (GdkDisplay *display)
{
  g_autoptr(GtkCssProvider) provider = NULL;

  if (g_object_get_data (G_OBJECT (display), "baken-high-contrast") != NULL)
    return;

  /* Its rules only apply under bakenwindow.high-contrast, so it is loaded once and the
   * window's class switches it. Not at the resource base path: AdwApplication would
   * also load it whenever the desktop asks for high contrast, and the kiosk decides. */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, HIGH_CONTRAST_RESOURCE);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 2);
  g_object_set_data_full (G_OBJECT (display), "baken-high-contrast",
                          g_steal_pointer (&provider), g_object_unref);
}

/* Icons pick their colours when they draw (baken-icon.c); make them draw again. */
static void
redraw_icons (GtkWidget *widget)
{
  if (BAKEN_IS_ICON (widget))
    gtk_widget_queue_draw (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    redraw_icons (child);
}

static void
set_window_class (BakenWindow *self,
                  const char  *css_class,
                  gboolean     on)
{
  if (on)
    gtk_widget_add_css_class (GTK_WIDGET (self), css_class);
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), css_class);
}

static void
speak_now (BakenWindow *self)
{
  g_autofree char *text = baken_window_dup_speech_text (self);

  if (text != NULL)
    baken_speaker_speak (self->speaker, text, self->language);
  else
    baken_speaker_stop (self->speaker);
}

static void
set_read_aloud (BakenWindow *self,
                gboolean     on)
{
  self->read_aloud = on;
  if (!on)
    self->keypad_used = FALSE;
  /* Speech mode says where the resident is instead (baken-window-keypad.c). */
  if (on && !self->speech_quiet)
    speak_now (self);
  else
    baken_speaker_stop (self->speaker);
}

/* Every Home tile at the largest text needs more than the lower two thirds of a portrait
 * screen, and Home does not scroll: there the page keeps its place (the bars with the
 * controls still come down). */
static void
fit_page (BakenWindow *self)
{
  gboolean home = self->page != NULL && BAKEN_IS_HOME_PAGE (self->page);
  gboolean largest = self->text_size == BAKEN_TEXT_SIZE_VERY_LARGE;

  baken_reach_bin_set_active (self->reach_bin, self->low_reach && !(home && largest));
}

static void
set_text_size (BakenWindow   *self,
               BakenTextSize  size)
{
  GtkWidget *bar = adw_bin_get_child (self->a11y_slot);
  const char *old_class = baken_text_size_get_css_class (self->text_size);
  const char *new_class = baken_text_size_get_css_class (size);

  if (old_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self), old_class);
  if (new_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), new_class);
  self->text_size = size;
  fit_page (self);

  if (bar != NULL)
    baken_a11y_bar_set_text_size (BAKEN_A11Y_BAR (bar), size);
}

static void
set_high_contrast (BakenWindow *self,
                   gboolean     on)
{
  self->high_contrast = on;
  install_high_contrast (gtk_widget_get_display (GTK_WIDGET (self)));
  set_window_class (self, HIGH_CONTRAST_CLASS, on);
  redraw_icons (GTK_WIDGET (self));
}

static void
set_low_reach (BakenWindow *self,
               gboolean     on)
{
  GtkWidget *content = gtk_widget_get_parent (self->topbar);

  self->low_reach = on;
  set_window_class (self, LOW_REACH_CLASS, on);
  fit_page (self);

  /* The top bar (name, languages) comes down too: just above the accessibility bar. */
  if (on)
    gtk_box_reorder_child_after (GTK_BOX (content), self->topbar,
                                 GTK_WIDGET (self->reach_bin));
  else
    gtk_box_reorder_child_after (GTK_BOX (content), self->topbar, NULL);
}

static void
show_picker (BakenWindow *self,
             gboolean     show)
{
  BakenConfig *config = baken_context_get_config (self->context);

  if (show)
    {
      adw_bin_set_child (self->picker_slot,
                         baken_language_picker_new ((const char * const *) config->languages));
      gtk_widget_set_visible (GTK_WIDGET (self->picker_slot), TRUE);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->picker_slot), FALSE);
      adw_bin_set_child (self->picker_slot, NULL);
    }

  if (self->read_aloud)
    speak_now (self);
}

static void
change_state_cb (GSimpleAction *action,
                 GVariant      *value,
                 gpointer       user_data)
{
  BakenWindow *self = user_data;
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
  _baken_window_idle_poke (self);
}

static void
activate_cb (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  BakenWindow *self = user_data;
  const char *name = g_action_get_name (G_ACTION (action));

  show_picker (self, g_str_equal (name, "choose-language"));
  _baken_window_idle_poke (self);
}

void
_baken_window_a11y_init (BakenWindow *self)
{
  const GActionEntry entries[] = {
    { "read-aloud", NULL, NULL, "false", change_state_cb, { 0 } },
    { "text-size", NULL, "i", "0", change_state_cb, { 0 } },
    { "high-contrast", NULL, NULL, "false", change_state_cb, { 0 } },
    { "low-reach", NULL, NULL, "false", change_state_cb, { 0 } },
    { "choose-language", activate_cb, NULL, NULL, NULL, { 0 } },
    { "close-languages", activate_cb, NULL, NULL, NULL, { 0 } },
  };

  self->speaker = baken_speaker_new_from_environment (self->kiosk);
  self->a11y_actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->a11y_actions), entries,
                                   G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "a11y",
                                  G_ACTION_GROUP (self->a11y_actions));

  baken_text_size_install (gtk_widget_get_display (GTK_WIDGET (self)));
}

void
_baken_window_a11y_dispose (BakenWindow *self)
{
  if (self->speaker != NULL)
    baken_speaker_stop (self->speaker);
  g_clear_object (&self->speaker);
  g_clear_object (&self->a11y_actions);
}

static void
reset_action (BakenWindow *self,
              const char  *name,
              GVariant    *state)
{
  g_autoptr(GVariant) owned = g_variant_ref_sink (state);

  g_action_group_change_action_state (G_ACTION_GROUP (self->a11y_actions), name, owned);
}

void
_baken_window_a11y_reset (BakenWindow *self)
{
  show_picker (self, FALSE);
  reset_action (self, "read-aloud", g_variant_new_boolean (FALSE));
  reset_action (self, "text-size", g_variant_new_int32 (BAKEN_TEXT_SIZE_NORMAL));
  reset_action (self, "high-contrast", g_variant_new_boolean (FALSE));
  reset_action (self, "low-reach", g_variant_new_boolean (FALSE));
}

gboolean
_baken_window_a11y_is_default (BakenWindow *self)
{
  return !self->read_aloud &&
         self->text_size == BAKEN_TEXT_SIZE_NORMAL &&
         !self->high_contrast &&
         !self->low_reach &&
         !gtk_widget_get_visible (GTK_WIDGET (self->picker_slot));
}

GtkWidget *
_baken_window_a11y_bar_new (BakenWindow *self)
{
  GtkWidget *bar = baken_a11y_bar_new ();

  baken_a11y_bar_set_text_size (BAKEN_A11Y_BAR (bar), self->text_size);

  return bar;
}

GtkWidget *
_baken_window_a11y_language_button_new (BakenWindow *self)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (button, "language");
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "a11y.choose-language");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
  self->language_label = GTK_LABEL (label);
  _baken_window_a11y_language_changed (self);

  return button;
}

static void
page_speech_changed_cb (BakenSpeakable *page,
                        BakenWindow    *self)
{
  /* Only the page on screen speaks, and only when nothing covers it. */
  if (self->read_aloud && GTK_WIDGET (page) == self->page &&
      !gtk_widget_get_visible (GTK_WIDGET (self->prompt_slot)) &&
      !gtk_widget_get_visible (GTK_WIDGET (self->picker_slot)))
    speak_now (self);
}

void
_baken_window_a11y_page_shown (BakenWindow *self)
{
  if (self->speaker == NULL)
    return;

  /* A slip that printed or failed says so. The page dies with its handler. */
  if (BAKEN_IS_SPEAKABLE (self->page))
    g_signal_connect_object (self->page, "changed", G_CALLBACK (page_speech_changed_cb),
                             self, 0);

  fit_page (self);

  /* A new screen stops the old speech; when reading aloud, the new one is read; in
   * speech mode it is said the keypad's way. */
  if (_baken_window_keypad_page_shown (self))
    return;
  if (self->read_aloud)
    speak_now (self);
  else
    baken_speaker_stop (self->speaker);
}

void
_baken_window_a11y_prompt_shown (BakenWindow *self)
{
  if (self->read_aloud)
    speak_now (self);
}

void
_baken_window_a11y_language_changed (BakenWindow *self)
{
  const char *language = self->language;
  g_autofree char *name = NULL;

  /* Every widget without a direction of its own follows, the existing ones too. */
  gtk_widget_set_default_direction (g_str_equal (language, "ar") ? GTK_TEXT_DIR_RTL
                                                                 : GTK_TEXT_DIR_LTR);

  if (self->language_label != NULL)
    {
      /* "العربية" on the button, "Taal: Arabisch" for a screen reader. */
      gtk_label_set_label (self->language_label, baken_language_get_native_name (language));
      name = baken_language_dup_name (language);
      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (GTK_WIDGET (self->language_label))),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, name,
                                      -1);
    }

  if (self->picker_slot != NULL && gtk_widget_get_visible (GTK_WIDGET (self->picker_slot)))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->picker_slot), FALSE);
      adw_bin_set_child (self->picker_slot, NULL);
    }
}

static char *
dup_location_text (BakenWindow *self)
{
  BakenCatalog *catalog = baken_context_get_catalog (self->context);
  BakenConfig *config = baken_context_get_config (self->context);
  g_autofree char *location = baken_window_dup_location (self);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  const char *colon = strchr (location, ':');
  const char *id = colon != NULL ? colon + 1 : NULL;
  char *text = NULL;

  if (catalog == NULL)
    return NULL;

  now = baken_context_dup_now (self->context);

  if (g_str_equal (location, "home"))
    text = baken_speech_text_home (catalog, self->language, &error);
  else if (g_str_has_prefix (location, "event:"))
    text = baken_speech_text_event (catalog, self->language, id, &error);
  else if (g_str_has_prefix (location, "services:"))
    text = baken_speech_text_services (catalog, config, self->language, id, now, &error);
  else if (g_str_has_prefix (location, "service:"))
    text = baken_speech_text_service (catalog, config, self->language, id, now, &error);
  else
    return NULL;

  if (text == NULL)
    g_warning ("Cannot read %s aloud: %s", location, error->message);

  return text;
}

char *
baken_window_dup_speech_text (BakenWindow *self)
{
  char *text;

  g_return_val_if_fail (BAKEN_IS_WINDOW (self), NULL);

  if (self->idle_prompt != NULL && baken_window_get_idle_prompt_visible (self))
    return baken_speech_text_idle_prompt (baken_idle_dialog_get_seconds (BAKEN_IDLE_DIALOG (self->idle_prompt)));

  if (gtk_widget_get_visible (GTK_WIDGET (self->picker_slot)))
    return baken_speakable_collect_text (GTK_WIDGET (self->picker_slot));

  if (self->page == NULL)
    return NULL;

  if (BAKEN_IS_SPEAKABLE (self->page))
    return baken_speakable_dup_speech_text (BAKEN_SPEAKABLE (self->page));

  text = dup_location_text (self);
  if (text != NULL)
    return text;

  return baken_speakable_collect_text (self->page);
}

BakenSpeaker *
baken_window_get_speaker (BakenWindow *self)
{
  g_return_val_if_fail (BAKEN_IS_WINDOW (self), NULL);

  return self->speaker;
}

gboolean
_baken_window_a11y_open (BakenWindow  *self,
                         const char   *step,
                         GError      **error)
{
  GActionGroup *group = G_ACTION_GROUP (self->a11y_actions);

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
