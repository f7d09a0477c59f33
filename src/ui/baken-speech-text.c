/* baken-speech-text.c: what "Lees voor" says on each screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixed texts are the same msgids as on the screens (the templates and the pages),
 * so they are translated once and say what the resident sees.
 */
#define G_LOG_DOMAIN "baken-speech-text"

#include "config.h"

#include "baken-speech-text.h"

#include <glib/gi18n.h>
#include <string.h>

#include "baken-languages.h"
#include "baken-service-facts.h"
#include "baken-service-card.h"
#include "baken-speech-span.h"

void
baken_speech_text_append (GString    *speech,
                          const char *text)
{
  g_autofree char *line = NULL;
  const char *end;
  gunichar last;

  g_return_if_fail (speech != NULL);

  if (text == NULL)
    return;

  line = g_strstrip (g_strdup (text));
  if (*line == '\0')
    return;

  /* Line breaks inside a text (an address) are pauses, not new items. */
  g_strdelimit (line, "\n\r\t", ' ');

  g_string_append (speech, line);
  /* The end of a text in another language (baken-speech-span.h) is no word. */
  end = line + strlen (line);
  if (end[-1] == BAKEN_SPEECH_SPAN_END && end - 1 > line)
    end--;
  last = g_utf8_get_char (g_utf8_find_prev_char (line, end));
  /* Arabic has its own question mark (؟) and full stop is shared. */
  if (!g_unichar_ispunct (last))
    g_string_append_c (speech, '.');
  g_string_append_c (speech, '\n');
}

/* Content (nullable) that fell back to Dutch is said in the Dutch voice. */
static void
append_content (GString    *speech,
                const char *text,
                gboolean    dutch)
{
  g_autofree char *marked = baken_speech_span_mark (text, "nl", dutch);

  baken_speech_text_append (speech, marked);
}

/* "Label: text." with the label from the screen; dutch: the text fell back to Dutch. */
static void
append_section (GString    *speech,
                const char *heading,
                const char *content,
                gboolean    dutch)
{
  g_autofree char *line = NULL;
  g_autofree char *text = NULL;

  if (content == NULL || *content == '\0')
    return;
  text = baken_speech_span_mark (content, "nl", dutch);

  /* "Wat kost het? Gratis." rather than "Wat kost het?: Gratis." */
  if (g_unichar_ispunct (g_utf8_get_char (g_utf8_find_prev_char (heading,
                                                                  heading + strlen (heading)))))
    line = g_strdup_printf ("%s %s", heading, text);
  else
    line = g_strdup_printf ("%s: %s", heading, text);
  baken_speech_text_append (speech, line);
}

/* "0800 8115" reads as "eight hundred …"; a number to dial is read digit by digit,
 * with a pause between the groups. */
static char *
spell_number (const char *number)
{
  g_autoptr(GString) spelled = g_string_new (NULL);

  for (const char *p = number; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c))
        {
          if (spelled->len > 0 && spelled->str[spelled->len - 1] != ' ')
            g_string_append_c (spelled, ' ');
          g_string_append_unichar (spelled, c);
        }
      else if (c == ' ' || c == '-')
        {
          g_string_append (spelled, ", ");
        }
      else
        {
          g_string_append_unichar (spelled, c);
        }
    }

  return g_string_free (g_steal_pointer (&spelled), FALSE);
}

static char *
open_status_text (BakenSchedule *hours,
                  BakenConfig   *config,
                  GDateTime     *now)
{
  g_auto(BakenOpenStatus) status = { 0, };

  baken_schedule_get_status (hours, now, config->holidays, &status);

  return baken_open_status_format (&status, now);
}

char *
baken_speech_text_home (BakenCatalog  *catalog,
                        const char    *language,
                        GError       **error)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GString) speech = NULL;

  g_return_val_if_fail (BAKEN_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (language != NULL, NULL);

  events = baken_catalog_get_life_events (catalog, NULL, language, error);
  if (events == NULL)
    return NULL;

  speech = g_string_new (NULL);
  baken_speech_text_append (speech, _("Waar kunt u hulp bij gebruiken?"));
  for (guint i = 0; i < events->len; i++)
    {
      BakenLifeEvent *event = g_ptr_array_index (events, i);

      append_content (speech, event->title, event->dutch & BAKEN_LIFE_EVENT_DUTCH_TITLE);
    }

  return g_string_free (g_steal_pointer (&speech), FALSE);
}

char *
baken_speech_text_event (BakenCatalog  *catalog,
                         const char    *language,
                         const char    *event_id,
                         GError       **error)
{
  g_autoptr(BakenLifeEvent) event = NULL;
  g_autoptr(GPtrArray) children = NULL;
  g_autoptr(GString) speech = NULL;

  g_return_val_if_fail (BAKEN_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (language != NULL, NULL);
  g_return_val_if_fail (event_id != NULL, NULL);

  event = baken_catalog_get_life_event (catalog, event_id, language, error);
  if (event == NULL)
    return NULL;

  children = baken_catalog_get_life_events (catalog, event->id, language, error);
  if (children == NULL)
    return NULL;

  speech = g_string_new (NULL);
  append_content (speech, event->title, event->dutch & BAKEN_LIFE_EVENT_DUTCH_TITLE);
  if (event->question != NULL)
    append_content (speech, event->question, event->dutch & BAKEN_LIFE_EVENT_DUTCH_QUESTION);
  else
    baken_speech_text_append (speech, _("Wat past het best bij u?"));
  append_content (speech, event->body, event->dutch & BAKEN_LIFE_EVENT_DUTCH_BODY);

  for (guint i = 0; i < children->len; i++)
    {
      BakenLifeEvent *child = g_ptr_array_index (children, i);

      append_content (speech, child->title, child->dutch & BAKEN_LIFE_EVENT_DUTCH_TITLE);
      append_content (speech, child->summary, child->dutch & BAKEN_LIFE_EVENT_DUTCH_SUMMARY);
    }

  if (event->n_services > 0)
    {
      baken_speech_text_append (speech, _("Iets anders"));
      baken_speech_text_append (speech, _("Bekijk wie u verder kan helpen."));
    }

  return g_string_free (g_steal_pointer (&speech), FALSE);
}

char *
baken_speech_text_services (BakenCatalog  *catalog,
                            BakenConfig   *config,
                            const char    *language,
                            const char    *event_id,
                            GDateTime     *now,
                            GError       **error)
{
  g_autoptr(BakenLifeEvent) event = NULL;
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(GString) speech = NULL;

  g_return_val_if_fail (BAKEN_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (config != NULL, NULL);
  g_return_val_if_fail (language != NULL, NULL);
  g_return_val_if_fail (event_id != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  event = baken_catalog_get_life_event (catalog, event_id, language, error);
  if (event == NULL)
    return NULL;

  services = baken_catalog_get_services_for_event (catalog, event_id, language,
                                                   BAKEN_AUDIENCE_PUBLIC, error);
  if (services == NULL)
    return NULL;

  speech = g_string_new (NULL);
  append_content (speech, event->title, event->dutch & BAKEN_LIFE_EVENT_DUTCH_TITLE);
  if (services->len == 0)
    {
      baken_speech_text_append (speech, _("Hier staat nog geen organisatie bij."));
      return g_string_free (g_steal_pointer (&speech), FALSE);
    }

  baken_speech_text_append (speech, _("Hier kunt u hulp krijgen"));
  for (guint i = 0; i < services->len; i++)
    {
      BakenService *service = g_ptr_array_index (services, i);
      g_autofree char *status = open_status_text (service->hours, config, now);

      append_content (speech, service->organization_name,
                      service->dutch & BAKEN_SERVICE_DUTCH_ORGANIZATION);
      append_content (speech, service->name, service->dutch & BAKEN_SERVICE_DUTCH_NAME);
      if (service->note != NULL)
        append_content (speech, service->note, service->dutch & BAKEN_SERVICE_DUTCH_NOTE);
      else
        append_content (speech, service->summary,
                        service->dutch & BAKEN_SERVICE_DUTCH_DESCRIPTION);
      baken_speech_text_append (speech, status);
    }

  return g_string_free (g_steal_pointer (&speech), FALSE);
}

static void
append_channel (GString            *speech,
                const BakenService *service,
                const BakenChannel *channel)
{
  const char *title = baken_channel_kind_get_title (channel->kind);
  g_autofree char *value = NULL;

  if (channel->kind == BAKEN_CHANNEL_WALK_IN)
    {
      for (guint i = 0; i < service->locations->len; i++)
        {
          const BakenLocation *location = g_ptr_array_index (service->locations, i);

          if (g_strcmp0 (location->id, channel->location_id) == 0)
            value = g_strjoin (", ",
                               location->address != NULL ? location->address : "",
                               location->city != NULL ? location->city : "",
                               NULL);
        }
    }
  else if (channel->kind == BAKEN_CHANNEL_PHONE && channel->value != NULL)
    {
      value = spell_number (channel->value);
    }
  else
    {
      value = baken_channel_dup_value_text (channel);
    }

  append_section (speech, title, value, FALSE);
  if (value == NULL || *value == '\0')
    baken_speech_text_append (speech, title);
  if (channel->label != NULL && g_strcmp0 (channel->label, title) != 0)
    append_content (speech, channel->label, channel->dutch & BAKEN_CHANNEL_DUTCH_LABEL);
  baken_speech_text_append (speech, channel->cost_note);
}

char *
baken_speech_text_service (BakenCatalog  *catalog,
                           BakenConfig   *config,
                           const char    *language,
                           const char    *service_id,
                           GDateTime     *now,
                           GError       **error)
{
  g_autoptr(BakenService) service = NULL;
  g_autoptr(GString) speech = NULL;
  g_autofree char *status = NULL;
  g_autofree char *languages = NULL;
  g_auto(GStrv) facts = NULL;
  gboolean any_channel = FALSE;

  g_return_val_if_fail (BAKEN_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (config != NULL, NULL);
  g_return_val_if_fail (language != NULL, NULL);
  g_return_val_if_fail (service_id != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  service = baken_catalog_get_service (catalog, service_id, language,
                                       BAKEN_AUDIENCE_PUBLIC, error);
  if (service == NULL)
    return NULL;

  speech = g_string_new (NULL);
  status = open_status_text (service->hours, config, now);

  append_content (speech, service->organization_name,
                  service->dutch & BAKEN_SERVICE_DUTCH_ORGANIZATION);
  append_content (speech, service->name, service->dutch & BAKEN_SERVICE_DUTCH_NAME);
  baken_speech_text_append (speech, status);
  append_content (speech, service->alert, service->dutch & BAKEN_SERVICE_DUTCH_ALERT);
  append_section (speech, _("Hier helpen ze u mee"), service->description,
                  service->dutch & BAKEN_SERVICE_DUTCH_DESCRIPTION);
  /* Who it is for, what it costs, the wait: where the page shows them. */
  facts = baken_service_facts (service);
  for (guint i = 0; facts[i] != NULL; i++)
    baken_speech_text_append (speech, facts[i]);
  append_section (speech, _("Wat kunt u verwachten?"), service->what_to_expect,
                  service->dutch & BAKEN_SERVICE_DUTCH_WHAT_TO_EXPECT);

  if (service->what_to_bring != NULL && service->what_to_bring[0] != NULL)
    {
      baken_speech_text_append (speech, _("Wat neemt u mee?"));
      for (guint i = 0; service->what_to_bring[i] != NULL; i++)
        append_content (speech, service->what_to_bring[i],
                        baken_service_bring_is_dutch (service, i));
    }

  append_section (speech, _("Wat kost het?"), service->cost,
                  service->dutch & BAKEN_SERVICE_DUTCH_COST);
  append_section (speech, _("Voor wie?"), service->eligibility,
                  service->dutch & BAKEN_SERVICE_DUTCH_ELIGIBILITY);
  languages = baken_language_format_list ((const char * const *) service->languages);
  append_section (speech, _("Talen"), languages, FALSE);

  for (guint i = 0; i < service->channels->len; i++)
    {
      const BakenChannel *channel = g_ptr_array_index (service->channels, i);

      if (channel->is_staff)
        continue;
      if (!any_channel)
        baken_speech_text_append (speech, _("Zo bereikt u ze"));
      any_channel = TRUE;
      append_channel (speech, service, channel);
    }

  if (service->locations->len > 0)
    {
      baken_speech_text_append (speech, _("Hier kunt u langskomen"));
      for (guint i = 0; i < service->locations->len; i++)
        {
          const BakenLocation *location = g_ptr_array_index (service->locations, i);

          append_content (speech, location->name,
                          location->dutch & BAKEN_LOCATION_DUTCH_NAME);
          baken_speech_text_append (speech, location->address);
          baken_speech_text_append (speech, location->city);
        }
    }

  return g_string_free (g_steal_pointer (&speech), FALSE);
}

/* A web address without "https://" and a trailing slash, which a voice spells out. */
static char *
speakable_address (const char *value)
{
  const char *start = value;
  char *text;
  gsize length;

  if (g_str_has_prefix (start, "https://"))
    start += strlen ("https://");
  else if (g_str_has_prefix (start, "http://"))
    start += strlen ("http://");

  text = g_strdup (start);
  length = strlen (text);
  if (length > 0 && text[length - 1] == '/')
    text[length - 1] = '\0';

  return text;
}

/* "Vandaag: 9:00 – 12:00." from the first day of a slip's hours. */
static void
append_today (GString   *speech,
              GPtrArray *days)
{
  const BakenSlipDay *today;
  g_autofree char *line = NULL;

  if (days == NULL || days->len == 0)
    return;

  today = g_ptr_array_index (days, 0);
  line = g_strdup_printf ("%s: %s", today->day, today->hours);
  baken_speech_text_append (speech, line);
}

char *
baken_speech_text_slip (const BakenSlip *slip)
{
  g_autoptr(GString) speech = NULL;

  g_return_val_if_fail (slip != NULL, NULL);

  speech = g_string_new (NULL);
  baken_speech_text_append (speech, slip->life_event);
  baken_speech_text_append (speech, slip->service);
  baken_speech_text_append (speech, slip->organization);
  baken_speech_text_append (speech, slip->alert);
  append_section (speech, slip->heading_help, slip->help, FALSE);
  /* Who it is for, what it costs, the wait: where the slip prints them. */
  for (guint i = 0; slip->facts != NULL && slip->facts[i] != NULL; i++)
    baken_speech_text_append (speech, slip->facts[i]);
  append_section (speech, slip->heading_expect, slip->what_to_expect, FALSE);

  if (slip->what_to_bring != NULL && slip->what_to_bring[0] != NULL)
    {
      baken_speech_text_append (speech, slip->heading_bring);
      for (guint i = 0; slip->what_to_bring[i] != NULL; i++)
        baken_speech_text_append (speech, slip->what_to_bring[i]);
    }

  if (slip->channels->len > 0)
    baken_speech_text_append (speech, slip->heading_contact);
  for (guint i = 0; i < slip->channels->len; i++)
    {
      const BakenSlipChannel *channel = g_ptr_array_index (slip->channels, i);
      g_autofree char *value = NULL;

      if (channel->kind == BAKEN_CHANNEL_PHONE && channel->value != NULL)
        value = spell_number (channel->value);
      else if (channel->value != NULL)
        value = speakable_address (channel->value);

      if (value != NULL)
        append_section (speech, channel->title, value, FALSE);
      else
        baken_speech_text_append (speech, channel->title);
      baken_speech_text_append (speech, channel->cost_note);
      baken_speech_text_append (speech, channel->hours_note);
      append_today (speech, channel->days);
    }

  if (slip->addresses->len > 0)
    baken_speech_text_append (speech, slip->heading_visit);
  for (guint i = 0; i < slip->addresses->len; i++)
    {
      const BakenSlipAddress *address = g_ptr_array_index (slip->addresses, i);

      baken_speech_text_append (speech, address->name);
      baken_speech_text_append (speech, address->street);
      baken_speech_text_append (speech, address->city);
      baken_speech_text_append (speech, address->walk);
      baken_speech_text_append (speech, address->hours_note);
      append_today (speech, address->days);
    }

  append_section (speech, slip->heading_cost, slip->cost, FALSE);
  baken_speech_text_append (speech, slip->footer_privacy);

  return g_string_free (g_steal_pointer (&speech), FALSE);
}

char *
baken_speech_text_idle_prompt (guint seconds)
{
  g_autoptr(GString) speech = g_string_new (NULL);
  g_autofree char *countdown = NULL;

  baken_speech_text_append (speech, _("Bent u er nog?"));
  countdown = g_strdup_printf (ngettext ("Over %u seconde gaat het scherm terug naar het begin.",
                                         "Over %u seconden gaat het scherm terug naar het begin.",
                                         seconds),
                               seconds);
  baken_speech_text_append (speech, countdown);
  baken_speech_text_append (speech, _("Ja, ik wil meer tijd"));

  return g_string_free (g_steal_pointer (&speech), FALSE);
}

static void
append_choices (GString *speech,
                guint    n_choices)
{
  g_autofree char *choices = NULL;

  /* Translators: spoken in speech mode: how many controls the screen has */
  choices = g_strdup_printf (ngettext ("Er is %u keuze.", "Er zijn %u keuzes.", n_choices),
                             n_choices);
  baken_speech_text_append (speech, choices);
}

char *
baken_speech_text_where (const char *title,
                         guint       n_choices)
{
  GString *speech = g_string_new (NULL);

  if (title == NULL)
    {
      /* Translators: spoken when a keypad key is pressed on the first screen */
      baken_speech_text_append (speech, _("U bent op het beginscherm."));
    }
  else
    {
      /* Translators: spoken when a keypad key is pressed; %s is the title of the
       * screen, e.g. "U bent op: Wonen en huur." */
      g_autofree char *where = g_strdup_printf (_("U bent op: %s."), title);

      baken_speech_text_append (speech, where);
    }
  append_choices (speech, n_choices);
  /* Translators: how to move with the tactile keypad (arrow keys up and down, the
   * green key to choose), spoken after where the resident is */
  baken_speech_text_append (speech, _("Gebruik pijl omhoog en omlaag, en de groene knop om te kiezen."));

  return g_string_free (speech, FALSE);
}

char *
baken_speech_text_screen (const char *title,
                          guint       n_choices)
{
  GString *speech = g_string_new (NULL);

  if (title == NULL)
    {
      /* Translators: spoken in speech mode when the first screen is shown */
      baken_speech_text_append (speech, _("Beginscherm."));
    }
  else
    baken_speech_text_append (speech, title);
  append_choices (speech, n_choices);

  return g_string_free (speech, FALSE);
}
