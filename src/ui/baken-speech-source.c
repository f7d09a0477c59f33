/* baken-speech-source.c: what "Lees voor" says now
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What covers the page speaks first (the idle prompt, then the language picker); a
 * page that says itself (BakenSpeakable) is asked; the search page says what was typed
 * and found (baken-search-speech.c); the pages of the catalog are read
 * from the catalog (baken-speech-text.h), in reading order with their hours; any
 * other page is read from its labels.
 */
#define G_LOG_DOMAIN "baken-window-a11y"

#include "config.h"

#include "baken-speech-source.h"

#include "baken-feedback.h"
#include "baken-idle-dialog.h"
#include "baken-search-speech.h"
#include "baken-speakable.h"
#include "baken-speech-text.h"

struct _BakenSpeechSource
{
  GObject         parent_instance;

  AdwBin         *prompt_slot;  /* (unowned) in the window, which owns this */
  AdwBin         *picker_slot;  /* (unowned) */
  BakenNavigator *navigator;    /* (owned) */
  BakenContext   *context;      /* (owned) */
};

G_DEFINE_FINAL_TYPE (BakenSpeechSource, baken_speech_source, G_TYPE_OBJECT)

static char *
dup_location_text (BakenSpeechSource *self)
{
  BakenCatalog *catalog = baken_context_get_catalog (self->context);
  BakenConfig *config = baken_context_get_config (self->context);
  const char *language = baken_navigator_get_language (self->navigator);
  g_autofree char *location = baken_navigator_dup_location (self->navigator);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  const char *colon = strchr (location, ':');
  const char *id = colon != NULL ? colon + 1 : NULL;
  char *text = NULL;

  if (catalog == NULL)
    return NULL;

  now = baken_context_dup_now (self->context);

  if (g_str_equal (location, "home"))
    text = baken_speech_text_home (catalog, language, &error);
  else if (g_str_has_prefix (location, "event:"))
    text = baken_speech_text_event (catalog, language, id, &error);
  else if (g_str_has_prefix (location, "services:"))
    text = baken_speech_text_services (catalog, config, language, id, now, &error);
  else if (g_str_has_prefix (location, "service:"))
    text = baken_speech_text_service (catalog, config, language, id, now, &error);
  else
    return NULL;

  if (text == NULL)
    g_warning ("Cannot read %s aloud: %s", location, error->message);

  return text;
}

/* What the monitor asks on the page ("Heeft dit u geholpen?" and its answers, "Klopt er
 * iets niet?", "Dank u wel!"), as shown now, after what the catalog says. */
static void
append_feedback (GString   *speech,
                 GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (BAKEN_IS_FEEDBACK (widget))
    {
      g_autofree char *text = baken_speakable_collect_text (widget);

      if (text != NULL)
        g_string_append (speech, text);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    append_feedback (speech, child);
}

static void
baken_speech_source_dispose (GObject *object)
{
  BakenSpeechSource *self = BAKEN_SPEECH_SOURCE (object);

  g_clear_object (&self->navigator);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (baken_speech_source_parent_class)->dispose (object);
}

static void
baken_speech_source_class_init (BakenSpeechSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = baken_speech_source_dispose;
}

static void
baken_speech_source_init (BakenSpeechSource *self)
{
}

BakenSpeechSource *
baken_speech_source_new (AdwBin         *prompt_slot,
                         AdwBin         *picker_slot,
                         BakenNavigator *navigator,
                         BakenContext   *context)
{
  BakenSpeechSource *self;

  g_return_val_if_fail (ADW_IS_BIN (prompt_slot), NULL);
  g_return_val_if_fail (ADW_IS_BIN (picker_slot), NULL);
  g_return_val_if_fail (BAKEN_IS_NAVIGATOR (navigator), NULL);
  g_return_val_if_fail (BAKEN_IS_CONTEXT (context), NULL);

  self = g_object_new (BAKEN_TYPE_SPEECH_SOURCE, NULL);
  self->prompt_slot = prompt_slot;
  self->picker_slot = picker_slot;
  self->navigator = g_object_ref (navigator);
  self->context = g_object_ref (context);

  return self;
}

char *
baken_speech_source_dup_text (BakenSpeechSource *self)
{
  GtkWidget *prompt;
  GtkWidget *page;
  char *text;

  g_return_val_if_fail (BAKEN_IS_SPEECH_SOURCE (self), NULL);

  prompt = adw_bin_get_child (self->prompt_slot);
  if (BAKEN_IS_IDLE_DIALOG (prompt) && gtk_widget_get_visible (GTK_WIDGET (self->prompt_slot)))
    return baken_speech_text_idle_prompt (baken_idle_dialog_get_seconds (BAKEN_IDLE_DIALOG (prompt)));

  if (gtk_widget_get_visible (GTK_WIDGET (self->picker_slot)))
    return baken_speakable_collect_text (GTK_WIDGET (self->picker_slot));

  page = baken_navigator_get_page (self->navigator);
  if (page == NULL)
    return NULL;

  if (BAKEN_IS_SPEAKABLE (page))
    return baken_speakable_dup_speech_text (BAKEN_SPEAKABLE (page));

  /* Not the keys of its keyboard. */
  if (BAKEN_IS_SEARCH_PAGE (page))
    return baken_search_speech_dup_text (BAKEN_SEARCH_PAGE (page));

  text = dup_location_text (self);
  if (text != NULL)
    {
      GString *speech = g_string_new (text);

      g_free (text);
      append_feedback (speech, page);
      return g_string_free (speech, FALSE);
    }

  return baken_speakable_collect_text (page);
}
