/* baken-translations-texts.c: the texts of a content source a translator works on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-translations"

#include "config.h"

#include "baken-translations-texts.h"

#include <string.h>

/* The tables in the order a translator reads them: what residents see first, first. */
static const BakenSourceTable reading_order[] = {
  BAKEN_SOURCE_LIFE_EVENT,
  BAKEN_SOURCE_LIFE_EVENT_SERVICE,
  BAKEN_SOURCE_ORGANIZATION,
  BAKEN_SOURCE_SERVICE,
  BAKEN_SOURCE_REQUIRED_DOCUMENT,
  BAKEN_SOURCE_PHONE,
  BAKEN_SOURCE_CHANNEL,
  BAKEN_SOURCE_LOCATION,
  BAKEN_SOURCE_ACCESSIBILITY,
  BAKEN_SOURCE_SCHEDULE_EXCEPTION,
};

typedef struct
{
  BakenSourceTable  table;
  const char       *field;    /* NULL: every field of the table */
  const char       *hint;
} Hint;

/* What each text is, for the translator; in Dutch, the language of the msgids. */
static const Hint hints[] = {
  { BAKEN_SOURCE_LIFE_EVENT, "title", "Tekst op een tegel: 1 tot 4 woorden, zoals een inwoner het zelf zegt." },
  { BAKEN_SOURCE_LIFE_EVENT, "summary", "Eén korte regel onder de titel." },
  { BAKEN_SOURCE_LIFE_EVENT, "question", "De vraag op het scherm van deze situatie." },
  { BAKEN_SOURCE_LIFE_EVENT, "body", "Uitleg op het scherm van deze situatie." },
  { BAKEN_SOURCE_LIFE_EVENT_SERVICE, NULL, "Opmerking bij deze hulp, voor deze situatie." },
  { BAKEN_SOURCE_ORGANIZATION, "name", "Naam van een organisatie. Een eigennaam blijft zoals hij is; zet er een korte uitleg tussen haakjes achter." },
  { BAKEN_SOURCE_ORGANIZATION, "description", "Wat de organisatie doet: 1 of 2 korte zinnen." },
  { BAKEN_SOURCE_SERVICE, "name", "Naam van de hulp." },
  { BAKEN_SOURCE_SERVICE, "description", "Waar de hulp bij helpt: 1 of 2 korte zinnen. De eerste zin staat ook in lijsten." },
  { BAKEN_SOURCE_SERVICE, "application_process", "Wat kunt u verwachten? Wat er gebeurt als u contact opneemt." },
  { BAKEN_SOURCE_SERVICE, "fees_description", "Wat kost het?" },
  { BAKEN_SOURCE_SERVICE, "eligibility_description", "Voor wie is deze hulp?" },
  { BAKEN_SOURCE_SERVICE, "alert", "Een tijdelijke melding." },
  { BAKEN_SOURCE_SERVICE, "fees", "Wat de hulp kost, in een paar woorden: \"gratis\", \"25 euro\"." },
  { BAKEN_SOURCE_SERVICE, "wait_time", "Hoe lang mensen wachten, in een paar woorden: \"ongeveer 2 weken\"." },
  { BAKEN_SOURCE_REQUIRED_DOCUMENT, NULL, "Iets wat de inwoner meeneemt." },
  { BAKEN_SOURCE_PHONE, "description", "Tekst bij een telefoonnummer." },
  { BAKEN_SOURCE_PHONE, "cost_note", "Wat bellen kost." },
  { BAKEN_SOURCE_CHANNEL, "label", "Tekst bij een manier van contact (chat, afspraak, e-mail, website)." },
  { BAKEN_SOURCE_CHANNEL, "cost_note", "Wat dit contact kost." },
  { BAKEN_SOURCE_LOCATION, "name", "Naam van een gebouw of plek. Een eigennaam blijft zoals hij is." },
  { BAKEN_SOURCE_LOCATION, "description", "Uitleg over de plek." },
  { BAKEN_SOURCE_LOCATION, "transportation", "Hoe komt u er (bus, trein, parkeren)?" },
  { BAKEN_SOURCE_ACCESSIBILITY, NULL, "Toegankelijkheid van de plek." },
  { BAKEN_SOURCE_SCHEDULE_EXCEPTION, NULL, "Uitleg bij andere openingstijden op één dag." },
};

static void
text_free (BakenTranslatableText *text)
{
  g_free (text->id);
  g_free (text);
}

static char *
record_id (BakenContentSource *source,
           BakenSourceTable    table,
           guint               row)
{
  int id = baken_content_source_column (table, "id");

  if (table == BAKEN_SOURCE_LIFE_EVENT_SERVICE)
    {
      const char *event = baken_content_source_get (source, table, row,
                                                    baken_content_source_column (table, "life_event_id"));
      const char *service = baken_content_source_get (source, table, row,
                                                      baken_content_source_column (table, "service_id"));

      return event != NULL && service != NULL ? g_strdup_printf ("%s/%s", event, service) : NULL;
    }

  return id >= 0 ? g_strdup (baken_content_source_get (source, table, row, id)) : NULL;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

GPtrArray *
baken_translatable_texts (BakenContentSource *source)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func ((GDestroyNotify) text_free);

  for (guint t = 0; t < G_N_ELEMENTS (reading_order); t++)
    {
      BakenSourceTable table = reading_order[t];
      guint n_rows = baken_content_source_get_n_rows (source, table);

      for (guint r = 0; r < n_rows; r++)
        {
          g_autofree char *id = record_id (source, table, r);

          if (id == NULL)
            continue;

          for (guint c = 0; c < baken_content_source_table_n_columns (table); c++)
            {
              const char *dutch = baken_content_source_get (source, table, r, c);
              BakenTranslatableText *text;

              if (!baken_content_source_column_is_translatable (table, c) || is_blank (dutch))
                continue;

              text = g_new0 (BakenTranslatableText, 1);
              text->table = table;
              text->row = r;
              text->column = c;
              text->id = g_strdup (id);
              text->resource = baken_content_source_table_resource (table);
              text->field = baken_content_source_column_name (table, c);
              text->dutch = dutch;
              g_ptr_array_add (texts, text);
            }
        }
    }

  return texts;
}

char *
baken_translatable_context (const BakenTranslatableText *text)
{
  return g_strdup_printf ("%s:%s:%s", text->resource, text->id, text->field);
}

const char *
baken_translatable_hint (const BakenTranslatableText *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (hints); i++)
    if (hints[i].table == text->table &&
        (hints[i].field == NULL || strcmp (hints[i].field, text->field) == 0))
      return hints[i].hint;

  return NULL;
}

gboolean
baken_translatable_lang_is_valid (const char *lang)
{
  gsize len = lang != NULL ? strlen (lang) : 0;

  if (len < 2 || len > 3 || strcmp (lang, "nl") == 0)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_islower (lang[i]))
      return FALSE;

  return TRUE;
}

char *
baken_translatable_source_problems (BakenContentSource *source)
{
  GPtrArray *problems = baken_content_source_get_problems (source);

  if (problems->len == 0)
    return NULL;

  return g_strdup_printf ("%s has %u problem%s (the first: %s); fix %s first, "
                          "baken-bundle lint %s lists %s",
                          baken_content_source_get_dir (source), problems->len,
                          problems->len == 1 ? "" : "s",
                          (const char *) g_ptr_array_index (problems, 0),
                          problems->len == 1 ? "it" : "them",
                          baken_content_source_get_dir (source),
                          problems->len == 1 ? "it" : "them");
}
