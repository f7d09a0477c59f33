/* baken-report-words.c: the words of the report page and its tables, in Dutch or English
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-report"

#include "config.h"

#include "baken-report-words.h"

#include <string.h>

static const BakenReportWords dutch = {
  .lang = "nl",
  .thousands = '.',
  .months = { "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
              "september", "oktober", "november", "december" },

  .title = "Baken: gebruik en feedback",
  .period = "Periode: %s tot en met %s",
  .made_on = "Gemaakt op %s",
  .n_kiosks = "%s kiosken",
  .n_reports = "%s dagrapporten",
  .small_rule = "Een aantal onder de 5 staat er als “<5”. Zo is niemand te herkennen. "
                "Een 0 betekent: niemand.",
  .contents = "Inhoud",
  .footer = "Gemaakt met baken-report %s uit %s bestanden. Er staat geen persoonlijke "
            "informatie in dit rapport.",
  .no_data = "Geen gegevens in deze periode.",
  .full_list_csv = "De volledige lijst staat in %s.csv.",
  .more_rows = "Nog %s meer. Alles staat in %s.csv.",
  .id = "Code",
  .name = "Naam",
  .count = "Aantal",
  .total = "Totaal",

  .summary = "In het kort",
  .visits = "Bezoeken",
  .searches = "Zoekvragen",
  .searches_without_result = "Zoekvragen zonder resultaat",
  .slips_resident = "Bonnen geprint door inwoners",
  .slips_handover = "Bonnen geprint bij een warme overdracht",
  .kiosks_behind = "Kiosken met oude inhoud",
  .kiosks_silent = "Kiosken zonder rapport (meer dan 2 dagen)",

  .weeks_title = "Bezoeken per levensgebeurtenis per week",
  .weeks_intro = "Hoe vaak inwoners een levensgebeurtenis openden, per week (maandag tot en "
                 "met zondag). De 6 meest gekozen hebben een eigen kleur. De rest staat samen "
                 "onder “Overige”.",
  .week = "week",
  .week_axis = "weeknummer",
  .week_start = "Week begint op",
  .other_events = "Overige",
  .weeks_last = "De grafiek toont de laatste %s weken. Alle weken staan in %s.csv.",
  .life_event = "Levensgebeurtenis",
  .life_events_title = "Alle levensgebeurtenissen",
  .per_week = "Per week",
  .situations_title = "Meest gekozen situaties",
  .situation = "Situatie",
  .opened = "Geopend",

  .services_title = "Meest bekeken diensten",
  .services_intro = "Welke diensten inwoners het vaakst bekeken.",
  .service = "Dienst",
  .viewed = "Bekeken",

  .channels_title = "Gekozen contactmanieren",
  .channels_intro = "Hoe inwoners contact wilden opnemen: ze tikten op een contactmanier, of "
                    "ze printten een bon met die contactmanier.",
  .channel = "Contactmanier",
  .channel_names = { "Bellen", "Chatten", "Afspraak maken", "Langskomen", "Website" },
  .use_title = "Hulpmiddelen en bonnen",
  .use_intro = "Hoe vaak inwoners een hulpmiddel aanzetten of een bon printten.",
  .use_item = "Onderdeel",
  .read_aloud = "Voorlezen aangezet",
  .speech_mode = "Spraakmodus gestart (toetsenblok of koptelefoon)",
  .text_large = "Grotere tekst",
  .text_very_large = "Heel grote tekst",
  .high_contrast = "Hoog contrast",
  .idle_resets = "Bezoeken gestopt omdat niemand meer tikte",
  .languages_title = "Gekozen talen",
  .language = "Taal",
  .language_names = { "Nederlands", "Engels", "Arabisch", "Turks", "Pools", "Oekraïens" },
  .chosen = "Gekozen",
  .hours_title = "Drukte per uur",
  .hours_intro = "Wanneer bezoeken begonnen, per uur van de dag. Alle dagen samen.",
  .hour = "Uur",

  .helped_title = "Heeft dit u geholpen?",
  .helped_intro = "De antwoorden van inwoners, per dienst. De diensten met de meeste "
                  "antwoorden staan bovenaan.",
  .helped_names = { "Ja", "Een beetje", "Nee" },
  .helped_tiles = { "Keer geholpen", "Keer een beetje geholpen", "Keer niet geholpen" },
  .answers = "Antwoorden",
  .gaps_title = "Zoekvragen zonder resultaat",
  .gaps_intro = "Hierop zochten inwoners, maar de kiosk vond niets. Misschien ontbreekt er "
                "informatie, of een ander woord voor hetzelfde. De kiosk bewaart alleen "
                "gewone woorden, nooit namen of nummers.",
  .term = "Zoekvraag",
  .wrong_title = "Klopt er iets niet? Meldingen per dienst",
  .wrong_intro = "Voor de redactie: bij deze diensten vonden inwoners dat de informatie niet "
                 "klopt. Kijk deze diensten als eerste na.",
  .wrong_names = { "Telefoonnummer", "Adres", "Openingstijden", "Bestaat niet meer",
                   "Iets anders" },
  .wrong_reports = "Meldingen “Klopt er iets niet?”",

  .fleet_title = "Kiosken",
  .fleet_intro = "De nieuwste inhoud heeft serienummer %s. Een kiosk met een lager nummer "
                 "loopt achter. Een kiosk zonder rapport in de laatste 2 dagen is stil: kijk "
                 "of hij aan staat en internet heeft.",
  .kiosk = "Kiosk",
  .serial = "Inhoud (serienummer)",
  .published = "Inhoud gepubliceerd",
  .app_version = "Versie",
  .first_seen = "Eerste rapport",
  .last_seen = "Laatste rapport",
  .days_reported = "Dagen met rapport",
  .last_sync = "Laatste synchronisatie",
  .sync_result = "Resultaat",
  .sync_reason = "Reden",
  .sync_results = { "nooit", "nieuwe inhoud", "niets nieuws", "mislukt" },
  .printer = "Printer",
  .printer_states = { "klaar", "bezig", "probleem", "geen printer" },
  .restarts = "Herstarts",
  .fallbacks = "Terug naar oude inhoud",
  .status = "Status",
  .status_ok = "In orde",
  .status_behind = "Loopt achter",
  .status_silent = "Stil sinds %s dagen",

  .skipped_title = "Overgeslagen bestanden",
  .skipped_intro = "%s bestanden zijn niet meegeteld, omdat er iets mis mee was. De meldingen "
                   "zijn in het Engels, voor de IT-afdeling.",
  .dropped = "Let op: er waren meer verschillende codes dan baken-report bijhoudt. %s "
             "aantallen zijn daarom niet meegeteld.",
};

static const BakenReportWords english = {
  .lang = "en",
  .thousands = ',',
  .months = { "January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December" },

  .title = "Baken: use and feedback",
  .period = "Period: %s to %s",
  .made_on = "Made on %s",
  .n_kiosks = "%s kiosks",
  .n_reports = "%s daily reports",
  .small_rule = "A number below 5 is shown as “<5”, so that no one can be recognised. "
                "A 0 means: no one.",
  .contents = "Contents",
  .footer = "Made by baken-report %s from %s files. This report holds no personal "
            "information.",
  .no_data = "No data in this period.",
  .full_list_csv = "The full list is in %s.csv.",
  .more_rows = "And %s more. All of them are in %s.csv.",
  .id = "Id",
  .name = "Name",
  .count = "Count",
  .total = "Total",

  .summary = "At a glance",
  .visits = "Visits",
  .searches = "Searches",
  .searches_without_result = "Searches without a result",
  .slips_resident = "Slips printed by residents",
  .slips_handover = "Slips printed at a warm handover",
  .kiosks_behind = "Kiosks with old content",
  .kiosks_silent = "Kiosks without a report (more than 2 days)",

  .weeks_title = "Visits per life event per week",
  .weeks_intro = "How often residents opened a life event, per week (Monday to Sunday). The "
                 "6 chosen most have a colour of their own; the rest are together under "
                 "“Other”.",
  .week = "week",
  .week_axis = "week number",
  .week_start = "Week starts on",
  .other_events = "Other",
  .weeks_last = "The chart shows the last %s weeks. All weeks are in %s.csv.",
  .life_event = "Life event",
  .life_events_title = "All life events",
  .per_week = "Per week",
  .situations_title = "Situations chosen most",
  .situation = "Situation",
  .opened = "Opened",

  .services_title = "Services viewed most",
  .services_intro = "The services residents looked at most often.",
  .service = "Service",
  .viewed = "Viewed",

  .channels_title = "Contact ways chosen",
  .channels_intro = "How residents wanted to get in touch: they tapped a contact way, or "
                    "printed a slip that carries it.",
  .channel = "Contact way",
  .channel_names = { "Phone", "Chat", "Appointment", "Walk in", "Website" },
  .use_title = "Aids and slips",
  .use_intro = "How often residents switched on an aid or printed a slip.",
  .use_item = "Item",
  .read_aloud = "Read aloud switched on",
  .speech_mode = "Speech mode started (keypad or headset)",
  .text_large = "Larger text",
  .text_very_large = "Very large text",
  .high_contrast = "High contrast",
  .idle_resets = "Visits ended because no one tapped any more",
  .languages_title = "Languages chosen",
  .language = "Language",
  .language_names = { "Dutch", "English", "Arabic", "Turkish", "Polish", "Ukrainian" },
  .chosen = "Chosen",
  .hours_title = "Busy hours",
  .hours_intro = "When visits began, per hour of the day, all days together.",
  .hour = "Hour",

  .helped_title = "Did this help you?",
  .helped_intro = "Residents' answers, per service. The services with the most answers come "
                  "first.",
  .helped_names = { "Yes", "A little", "No" },
  .helped_tiles = { "Times it helped", "Times it helped a little", "Times it did not help" },
  .answers = "Answers",
  .gaps_title = "Searches without a result",
  .gaps_intro = "Residents searched for these, but the kiosk found nothing. Information may "
                "be missing, or another word for the same thing. The kiosk keeps only common "
                "words, never names or numbers.",
  .term = "Search",
  .wrong_title = "Is something wrong? Reports per service",
  .wrong_intro = "For the editors: for these services residents said the information is "
                 "wrong. Check these services first.",
  .wrong_names = { "Phone number", "Address", "Opening hours", "No longer exists",
                   "Something else" },
  .wrong_reports = "“Is something wrong?” reports",

  .fleet_title = "Kiosks",
  .fleet_intro = "The newest content has serial %s. A kiosk with a lower serial is behind. "
                 "A kiosk without a report in the last 2 days is silent: check that it is "
                 "on and online.",
  .kiosk = "Kiosk",
  .serial = "Content (serial)",
  .published = "Content published",
  .app_version = "Version",
  .first_seen = "First report",
  .last_seen = "Last report",
  .days_reported = "Days with a report",
  .last_sync = "Last sync",
  .sync_result = "Result",
  .sync_reason = "Reason",
  .sync_results = { "never", "new content", "nothing new", "failed" },
  .printer = "Printer",
  .printer_states = { "ready", "busy", "problem", "no printer" },
  .restarts = "Restarts",
  .fallbacks = "Back to old content",
  .status = "Status",
  .status_ok = "Fine",
  .status_behind = "Behind",
  .status_silent = "Silent for %s days",

  .skipped_title = "Files left out",
  .skipped_intro = "%s files were not counted, because something was wrong with them.",
  .dropped = "Note: there were more different ids than baken-report keeps. %s counts were "
             "left out for that reason.",
};

const BakenReportWords *
baken_report_words_get (const char *lang)
{
  if (g_strcmp0 (lang, "nl") == 0)
    return &dutch;
  if (g_strcmp0 (lang, "en") == 0)
    return &english;
  return NULL;
}

char *
baken_report_words_fill (const char *format,
                         ...)
{
  GString *out = g_string_new (NULL);
  va_list args;

  g_return_val_if_fail (format != NULL, NULL);
  va_start (args, format);
  for (const char *p = format; *p != '\0'; p++)
    {
      if (p[0] == '%' && p[1] == 's')
        {
          const char *arg = va_arg (args, const char *);

          g_string_append (out, arg != NULL ? arg : "");
          p++;
        }
      else
        {
          g_string_append_c (out, *p);
        }
    }
  va_end (args);
  return g_string_free (out, FALSE);
}

char *
baken_report_words_number (const BakenReportWords *words,
                           guint64                 count)
{
  char digits[32];
  GString *out = g_string_new (NULL);
  gsize n;

  g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, count);
  n = strlen (digits);
  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (out, words->thousands);
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

char *
baken_report_words_date (const BakenReportWords *words,
                         guint32                 julian)
{
  GDate date;

  g_return_val_if_fail (julian > 0, NULL);
  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return g_strdup_printf ("%u %s %u", g_date_get_day (&date),
                          words->months[g_date_get_month (&date) - 1],
                          g_date_get_year (&date));
}
