/* baken-lint.c: content quality rules an editor can act on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules are listed in baken-lint.h. The B1 heuristics follow CONTENT.md: sentences of
 * at most ~15 words, common words (a jargon list with a plainer word for each), no
 * abbreviations. They look only at resident-facing Dutch text (the text columns of the
 * format; not the labels of staff-only phones and channels).
 */
#define G_LOG_DOMAIN "baken-lint"

#include "config.h"

#include "baken-lint.h"

#include <string.h>
#include <time.h>

#include <gio/gio.h>

#include "baken-content.h"
#include "baken-content-source.h"
#include "baken-hours.h"

#define MAX_SENTENCE_WORDS  15
#define MAX_WORD_LETTERS    22
#define MAX_OPEN_MINUTES    (16 * 60)
#define MAX_TILE_WORDS      4
#define DEFAULT_MAX_AGE     365
#define MINUTES_PER_WEEK    (7 * BAKEN_MINUTES_PER_DAY)

typedef struct
{
  const char *const forms[6];   /* lowercase, as they appear in a text */
  const char       *plain;
} Jargon;

/* CONTENT.md, "Jargon and a plainer word". */
static const Jargon jargon[] = {
  { { "aanvraag indienen", "aanvraag in te dienen", NULL }, "vragen om" },
  { { "beschikking", "beschikkingen", NULL }, "besluit, brief met de beslissing" },
  { { "bezwaar maken", NULL }, "laten weten dat u het er niet mee eens bent" },
  { { "bezwaartermijn", NULL }, "de tijd die u heeft om bezwaar te maken" },
  { { "verzoekschrift", "verzoekschriften", NULL }, "brief aan de rechter" },
  { { "dagvaarding", "dagvaardingen", NULL }, "brief dat u naar de rechter moet komen" },
  { { "incassobureau", "incassobureaus", NULL }, "bedrijf dat geld ophaalt voor een ander" },
  { { "betalingsregeling", "betalingsregelingen", NULL }, "afspraak om in delen te betalen" },
  { { "beslag leggen", "beslag gelegd", "beslaglegging", NULL },
    "geld of spullen afnemen om een schuld te betalen" },
  { { "rechtsbijstand", NULL }, "hulp van een advocaat" },
  { { "eigen bijdrage", NULL }, "het deel dat u zelf betaalt" },
  { { "draagkracht", NULL }, "hoeveel u kunt betalen" },
  { { "alimentatie", NULL }, "geld voor uw ex-partner of kinderen na een scheiding" },
  { { "mediation", NULL }, "hulp om samen afspraken te maken" },
  { { "ten behoeve van", NULL }, "voor" },
  { { "indien", NULL }, "als" },
  { { "teneinde", NULL }, "om" },
  { { "alsmede", NULL }, "en" },
  { { "middels", NULL }, "met" },
  { { "inzake", "omtrent", NULL }, "over" },
  { { "ingevolge", "conform", NULL }, "volgens" },
  { { "derhalve", NULL }, "daarom" },
  { { "reeds", NULL }, "al" },
  { { "thans", NULL }, "nu" },
  { { "doch", NULL }, "maar" },
  { { "dienen te", "dient te", NULL }, "moeten" },
  { { "verstrekken", "verstrekt", "verstrekte", NULL }, "geven" },
  { { "retourneren", "retourneert", NULL }, "terugsturen" },
  { { "woonachtig", NULL }, "wonen" },
  { { "in het bezit zijn van", "in het bezit van", NULL }, "hebben" },
  { { "aanvang", NULL }, "begin" },
  { { "verzoeken", "verzoekt", NULL }, "vragen" },
  { { "tevens", NULL }, "ook" },
  { { "trachten", "tracht", NULL }, "proberen" },
  { { "nader", "nadere", NULL }, "later, meer" },
};

static const char *const abbreviations[] = {
  "i.v.m.", "o.a.", "z.s.m.", "m.b.t.", "t.a.v.", "d.w.z.", "bijv.", "evt.", "e.d.",
  "etc.", "m.u.v.", "t.z.t.", "a.u.b.", "i.p.v.", NULL
};

static const char *const day_labels[] = { "MO", "TU", "WE", "TH", "FR", "SA", "SU" };

typedef struct
{
  BakenContentSource *source;
  GPtrArray          *issues;
  GDate               today;
  guint               max_age_days;
} Lint;

void
baken_lint_issue_free (BakenLintIssue *issue)
{
  if (issue == NULL)
    return;

  g_free (issue->file);
  g_free (issue->rule);
  g_free (issue->message);
  g_free (issue);
}

static void
add_issue (Lint              *lint,
           const char        *file,
           guint              line,
           guint              column,
           BakenLintSeverity  severity,
           const char        *rule,
           const char        *format,
           ...) G_GNUC_PRINTF (7, 8);

static void
add_issue (Lint              *lint,
           const char        *file,
           guint              line,
           guint              column,
           BakenLintSeverity  severity,
           const char        *rule,
           const char        *format,
           ...)
{
  BakenLintIssue *issue = g_new0 (BakenLintIssue, 1);
  va_list args;

  issue->file = g_strdup (file);
  issue->line = line;
  issue->column = column;
  issue->severity = severity;
  issue->rule = g_strdup (rule);
  va_start (args, format);
  issue->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (lint->issues, issue);
}

/* An issue about one field; extra_lines moves it down inside a field that spans lines. */
static void
add_field_issue (Lint              *lint,
                 BakenSourceTable   table,
                 guint              row,
                 guint              column,
                 guint              extra_lines,
                 BakenLintSeverity  severity,
                 const char        *rule,
                 const char        *format,
                 ...) G_GNUC_PRINTF (8, 9);

static void
add_field_issue (Lint              *lint,
                 BakenSourceTable   table,
                 guint              row,
                 guint              column,
                 guint              extra_lines,
                 BakenLintSeverity  severity,
                 const char        *rule,
                 const char        *format,
                 ...)
{
  g_autofree char *message = NULL;
  guint line, file_column;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  baken_content_source_get_position (lint->source, table, row, column, &line, &file_column);
  add_issue (lint, baken_content_source_table_file (table), line + extra_lines, file_column,
             severity, rule, "%s", message);
}

static const char *
get (Lint             *lint,
     BakenSourceTable  table,
     guint             row,
     const char       *column)
{
  int c = baken_content_source_column (table, column);

  g_assert (c >= 0);
  return baken_content_source_get (lint->source, table, row, c);
}

static guint
col (BakenSourceTable  table,
     const char       *column)
{
  int c = baken_content_source_column (table, column);

  g_assert (c >= 0);
  return c;
}

static gboolean
is_staff (const char *audience)
{
  return g_strcmp0 (audience, "staff") == 0;
}

static gboolean
is_shown_status (const char *status)
{
  return g_strcmp0 (status, "active") == 0 || g_strcmp0 (status, "temporarily closed") == 0;
}

/* Build problems: "FILE:LINE:COLUMN: MESSAGE". */
static void
add_build_problems (Lint *lint)
{
  GPtrArray *problems = baken_content_source_get_problems (lint->source);

  for (guint i = 0; i < problems->len; i++)
    {
      const char *problem = g_ptr_array_index (problems, i);
      g_auto(GStrv) parts = g_strsplit (problem, ":", 4);
      guint64 line = 1, column = 1;

      if (g_strv_length (parts) == 4 &&
          g_ascii_string_to_unsigned (parts[1], 10, 0, G_MAXUINT, &line, NULL) &&
          g_ascii_string_to_unsigned (parts[2], 10, 0, G_MAXUINT, &column, NULL))
        add_issue (lint, parts[0], line, column, BAKEN_LINT_ERROR, "build", "%s",
                   g_strchug (parts[3]));
      else
        add_issue (lint, "datapackage.json", 1, 1, BAKEN_LINT_ERROR, "build", "%s", problem);
    }
}

/* public-channel */

static void
check_public_channels (Lint *lint)
{
  BakenContentSource *s = lint->source;
  g_autoptr(GHashTable) reachable = g_hash_table_new (g_str_hash, g_str_equal);
  const BakenSourceTable channel_tables[] = { BAKEN_SOURCE_PHONE, BAKEN_SOURCE_CHANNEL };

  for (guint t = 0; t < G_N_ELEMENTS (channel_tables); t++)
    for (guint r = 0; r < baken_content_source_get_n_rows (s, channel_tables[t]); r++)
      {
        const char *service = get (lint, channel_tables[t], r, "service_id");

        if (service != NULL && !is_staff (get (lint, channel_tables[t], r, "audience")))
          g_hash_table_add (reachable, (gpointer) service);
      }

  for (guint r = 0; r < baken_content_source_get_n_rows (s, BAKEN_SOURCE_SERVICE); r++)
    {
      const char *id = get (lint, BAKEN_SOURCE_SERVICE, r, "id");

      if (id == NULL || !is_shown_status (get (lint, BAKEN_SOURCE_SERVICE, r, "status")) ||
          g_hash_table_contains (reachable, id))
        continue;

      add_field_issue (lint, BAKEN_SOURCE_SERVICE, r, col (BAKEN_SOURCE_SERVICE, "id"), 0,
                       BAKEN_LINT_ERROR, "public-channel",
                       "service \"%s\" has no public phone or channel; residents must always "
                       "be able to reach someone, so add a phone (phones.csv) or a chat, "
                       "appointment, walk-in, e-mail or website channel (channels.csv)", id);
    }
}

/* life-event-services */

typedef struct
{
  GHashTable *children;      /* event id → GPtrArray of child ids */
  GHashTable *services;      /* event id → GPtrArray of service ids */
  GHashTable *active;        /* service ids with status active */
  GHashTable *memo;          /* event id → 1 leads nowhere, 2 leads to a service */
} EventGraph;

static gboolean
event_leads_to_service (EventGraph *g,
                        const char *id,
                        guint       depth)
{
  gpointer known = g_hash_table_lookup (g->memo, id);
  GPtrArray *list;
  gboolean found = FALSE;

  if (known != NULL)
    return GPOINTER_TO_UINT (known) == 2;
  if (depth > 8)
    return FALSE;   /* a cycle, reported by the build */

  list = g_hash_table_lookup (g->services, id);
  for (guint i = 0; list != NULL && i < list->len && !found; i++)
    found = g_hash_table_contains (g->active, g_ptr_array_index (list, i));

  list = g_hash_table_lookup (g->children, id);
  for (guint i = 0; list != NULL && i < list->len && !found; i++)
    found = event_leads_to_service (g, g_ptr_array_index (list, i), depth + 1);

  g_hash_table_insert (g->memo, (gpointer) id, GUINT_TO_POINTER (found ? 2 : 1));
  return found;
}

static void
multi_add (GHashTable *table,
           const char *key,
           const char *item)
{
  GPtrArray *list = g_hash_table_lookup (table, key);

  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (table, (gpointer) key, list);
    }
  g_ptr_array_add (list, (gpointer) item);
}

static void
check_life_events (Lint *lint)
{
  BakenContentSource *s = lint->source;
  EventGraph g;
  guint n_events = baken_content_source_get_n_rows (s, BAKEN_SOURCE_LIFE_EVENT);

  g.children = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                      (GDestroyNotify) g_ptr_array_unref);
  g.services = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                      (GDestroyNotify) g_ptr_array_unref);
  g.active = g_hash_table_new (g_str_hash, g_str_equal);
  g.memo = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint r = 0; r < baken_content_source_get_n_rows (s, BAKEN_SOURCE_SERVICE); r++)
    if (g_strcmp0 (get (lint, BAKEN_SOURCE_SERVICE, r, "status"), "active") == 0 &&
        get (lint, BAKEN_SOURCE_SERVICE, r, "id") != NULL)
      g_hash_table_add (g.active, (gpointer) get (lint, BAKEN_SOURCE_SERVICE, r, "id"));

  for (guint r = 0; r < n_events; r++)
    {
      const char *id = get (lint, BAKEN_SOURCE_LIFE_EVENT, r, "id");
      const char *parent = get (lint, BAKEN_SOURCE_LIFE_EVENT, r, "parent_id");

      if (id != NULL && parent != NULL)
        multi_add (g.children, parent, id);
    }

  for (guint r = 0; r < baken_content_source_get_n_rows (s, BAKEN_SOURCE_LIFE_EVENT_SERVICE); r++)
    {
      const char *event = get (lint, BAKEN_SOURCE_LIFE_EVENT_SERVICE, r, "life_event_id");
      const char *service = get (lint, BAKEN_SOURCE_LIFE_EVENT_SERVICE, r, "service_id");

      if (event != NULL && service != NULL)
        multi_add (g.services, event, service);
    }

  for (guint r = 0; r < n_events; r++)
    {
      const char *id = get (lint, BAKEN_SOURCE_LIFE_EVENT, r, "id");

      /* An event with no services and no children at all is a build error already. */
      if (id == NULL ||
          (!g_hash_table_contains (g.children, id) && !g_hash_table_contains (g.services, id)))
        continue;

      if (!event_leads_to_service (&g, id, 0))
        add_field_issue (lint, BAKEN_SOURCE_LIFE_EVENT, r, col (BAKEN_SOURCE_LIFE_EVENT, "id"), 0,
                         BAKEN_LINT_ERROR, "life-event-services",
                         "life event \"%s\" leads to no active service (its services are not "
                         "active and none of its sub-events leads to one), so residents reach "
                         "a dead end; link an active service in life_event_services.csv", id);
    }

  g_hash_table_unref (g.children);
  g_hash_table_unref (g.services);
  g_hash_table_unref (g.active);
  g_hash_table_unref (g.memo);
}

/* dutch-text */

static int
table_of_resource (const char *resource)
{
  for (guint t = 0; t < BAKEN_SOURCE_N_TABLES; t++)
    if (g_strcmp0 (baken_content_source_table_resource (t), resource) == 0)
      return t;

  return -1;
}

static void
check_dutch_text (Lint *lint)
{
  BakenContentSource *s = lint->source;
  guint n = baken_content_source_get_n_rows (s, BAKEN_SOURCE_TRANSLATION);

  for (guint r = 0; r < baken_content_source_get_n_rows (s, BAKEN_SOURCE_SERVICE); r++)
    {
      const char *id = get (lint, BAKEN_SOURCE_SERVICE, r, "id");

      if (id != NULL && is_shown_status (get (lint, BAKEN_SOURCE_SERVICE, r, "status")) &&
          get (lint, BAKEN_SOURCE_SERVICE, r, "description") == NULL)
        add_field_issue (lint, BAKEN_SOURCE_SERVICE, r, col (BAKEN_SOURCE_SERVICE, "description"),
                         0, BAKEN_LINT_ERROR, "dutch-text",
                         "service \"%s\" has no description; write in one or two plain Dutch "
                         "sentences what they help with", id);
    }

  for (guint r = 0; r < n; r++)
    {
      const char *table = get (lint, BAKEN_SOURCE_TRANSLATION, r, "table");
      const char *id = get (lint, BAKEN_SOURCE_TRANSLATION, r, "id");
      const char *field = get (lint, BAKEN_SOURCE_TRANSLATION, r, "field");
      int t, row, column;

      if (table == NULL || id == NULL || field == NULL)
        continue;
      t = table_of_resource (table);
      if (t < 0)
        continue;
      row = baken_content_source_find (s, t, id);
      column = baken_content_source_column (t, field);
      if (row < 0 || column < 0)
        continue;   /* reported by the build */

      if (baken_content_source_get (s, t, row, column) == NULL)
        add_field_issue (lint, BAKEN_SOURCE_TRANSLATION, r,
                         col (BAKEN_SOURCE_TRANSLATION, "field"), 0, BAKEN_LINT_ERROR,
                         "dutch-text",
                         "%s \"%s\" has a translation of %s but no Dutch %s; Dutch is the "
                         "source language, so write the Dutch text in %s first", table, id,
                         field, field, baken_content_source_table_file (t));
    }
}

/* B1 heuristics */

/* Whether the text from p on starts with needle (lowercase ASCII and UTF-8) on word
 * boundaries. */
static gboolean
matches_at (const char *text,
            const char *p,
            const char *needle)
{
  gsize n = strlen (needle);
  gunichar last = g_utf8_get_char (g_utf8_prev_char (needle + n));

  if (strncmp (p, needle, n) != 0)
    return FALSE;
  if (p > text && g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (p))))
    return FALSE;
  if (g_unichar_isalnum (last) && p[n] != '\0' && g_unichar_isalnum (g_utf8_get_char (p + n)))
    return FALSE;

  return TRUE;
}

static guint
count_lines (const char *text,
             const char *until)
{
  guint n = 0;

  for (const char *p = text; p < until; p++)
    if (*p == '\n')
      n++;

  return n;
}

/* The first words of a sentence, for a message. */
static char *
quote_start (const char *start,
             const char *end)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint words = 0;
  gboolean in_word = FALSE;
  const char *p;

  for (p = start; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          if (in_word && ++words == 6)
            break;
          in_word = FALSE;
          g_string_append_c (out, ' ');
          continue;
        }
      in_word = TRUE;
      g_string_append_unichar (out, c);
    }

  if (p < end)
    g_string_append (out, "…");

  return g_strstrip (g_string_free (g_steal_pointer (&out), FALSE));
}

static void
check_sentences (Lint             *lint,
                 BakenSourceTable  table,
                 guint             row,
                 guint             column,
                 const char       *text)
{
  const char *start = text;
  const char *p = text;
  guint words = 0;
  gboolean in_word = FALSE;

  for (;;)
    {
      gunichar c = g_utf8_get_char (p);
      gboolean end = c == 0 || c == '\n';

      if ((c == '.' || c == '!' || c == '?') &&
          (p[1] == '\0' || g_ascii_isspace (p[1])))
        end = TRUE;

      if (!end && !g_unichar_isspace (c) && !in_word)
        {
          in_word = TRUE;
          if (g_unichar_isalnum (c) || g_unichar_isalnum (g_utf8_get_char (g_utf8_next_char (p))))
            words++;
        }
      else if (g_unichar_isspace (c))
        {
          in_word = FALSE;
        }

      if (end)
        {
          if (words > MAX_SENTENCE_WORDS)
            {
              g_autofree char *quote = quote_start (start, p);

              add_field_issue (lint, table, row, column, count_lines (text, start),
                               BAKEN_LINT_WARNING, "sentence-length",
                               "sentence of %u words in %s (\"%s\"); B1 sentences have at most "
                               "%d words, so split it", words,
                               baken_content_source_column_name (table, column), quote,
                               MAX_SENTENCE_WORDS);
            }
          if (c == 0)
            break;
          words = 0;
          in_word = FALSE;
          p = g_utf8_next_char (p);
          while (*p != '\0' && g_ascii_isspace (*p))
            p++;
          start = p;
          continue;
        }

      p = g_utf8_next_char (p);
    }
}

static gboolean
is_address_like (const char *start,
                 const char *end)
{
  for (const char *p = start; p < end; p++)
    if (*p == '@' || *p == '/' || (*p == '.' && p + 1 < end && g_ascii_isalpha (p[1])))
      return TRUE;

  return FALSE;
}

static void
check_words (Lint             *lint,
             BakenSourceTable  table,
             guint             row,
             guint             column,
             const char       *text)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *start, *end;
      guint letters = 0, longest = 0;

      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      end = p;

      if (start == end || is_address_like (start, end))
        continue;

      /* Letters in a row: a hyphen splits a compound into readable parts. */
      for (const char *q = start; q < end; q = g_utf8_next_char (q))
        {
          if (g_unichar_isalpha (g_utf8_get_char (q)))
            letters++;
          else
            letters = 0;
          longest = MAX (longest, letters);
        }

      if (longest > MAX_WORD_LETTERS)
        {
          g_autofree char *word = g_strndup (start, end - start);

          add_field_issue (lint, table, row, column, count_lines (text, start),
                           BAKEN_LINT_WARNING, "word-length",
                           "\"%s\" in %s is %u letters long; B1 text uses shorter words, so "
                           "rephrase it or split the compound with a hyphen", word,
                           baken_content_source_column_name (table, column), longest);
        }
    }
}

static void
check_jargon (Lint             *lint,
              BakenSourceTable  table,
              guint             row,
              guint             column,
              const char       *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);

  /* g_utf8_strdown keeps the line structure: count lines in lower. */
  for (guint j = 0; j < G_N_ELEMENTS (jargon); j++)
    for (guint f = 0; jargon[j].forms[f] != NULL; f++)
      for (const char *p = lower; (p = strstr (p, jargon[j].forms[f])) != NULL; p++)
        if (matches_at (lower, p, jargon[j].forms[f]))
          {
            add_field_issue (lint, table, row, column, count_lines (lower, p),
                             BAKEN_LINT_WARNING, "jargon",
                             "\"%s\" in %s is official language; write \"%s\" instead",
                             jargon[j].forms[f], baken_content_source_column_name (table, column),
                             jargon[j].plain);
            break;
          }

  for (guint a = 0; abbreviations[a] != NULL; a++)
    for (const char *p = lower; (p = strstr (p, abbreviations[a])) != NULL; p++)
      if (matches_at (lower, p, abbreviations[a]))
        {
          add_field_issue (lint, table, row, column, count_lines (lower, p),
                           BAKEN_LINT_WARNING, "abbreviation",
                           "\"%s\" in %s is an abbreviation; write the words in full",
                           abbreviations[a], baken_content_source_column_name (table, column));
          break;
        }
}

/* Whether a row of table is only for staff, so its texts are not for residents. */
static gboolean
row_is_staff (Lint             *lint,
              BakenSourceTable  table,
              guint             row)
{
  if (table != BAKEN_SOURCE_PHONE && table != BAKEN_SOURCE_CHANNEL)
    return FALSE;

  return is_staff (get (lint, table, row, "audience"));
}

static void
check_texts (Lint *lint)
{
  BakenContentSource *s = lint->source;

  for (guint t = 0; t < BAKEN_SOURCE_N_TABLES; t++)
    for (guint r = 0; r < baken_content_source_get_n_rows (s, t); r++)
      {
        if (row_is_staff (lint, t, r))
          continue;

        for (guint c = 0; c < baken_content_source_table_n_columns (t); c++)
          {
            const char *text;

            if (!baken_content_source_column_is_text (t, c))
              continue;
            text = baken_content_source_get (s, t, r, c);
            if (text == NULL)
              continue;

            check_sentences (lint, t, r, c, text);
            check_words (lint, t, r, c, text);
            check_jargon (lint, t, r, c, text);
          }
      }

  for (guint r = 0; r < baken_content_source_get_n_rows (s, BAKEN_SOURCE_LIFE_EVENT); r++)
    {
      const char *title = get (lint, BAKEN_SOURCE_LIFE_EVENT, r, "title");
      gboolean in_word = FALSE;
      guint n = 0;

      if (title == NULL)
        continue;
      for (const char *p = title; *p != '\0'; p = g_utf8_next_char (p))
        {
          gboolean space = g_unichar_isspace (g_utf8_get_char (p));

          if (!space && !in_word)
            n++;
          in_word = !space;
        }

      /* Over 5 words is a build error. */
      if (n == MAX_TILE_WORDS + 1)
        add_field_issue (lint, BAKEN_SOURCE_LIFE_EVENT, r, col (BAKEN_SOURCE_LIFE_EVENT, "title"),
                         0, BAKEN_LINT_WARNING, "tile-label",
                         "title \"%s\" has %u words; a tile label reads best in 1 to %d, so "
                         "shorten it", title, n, MAX_TILE_WORDS);
    }
}

/* Phone numbers */

gboolean
baken_lint_phone_is_valid (const char *number)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  gboolean plus = FALSE;
  const char *p = number;

  while (*p == ' ')
    p++;
  if (*p == '+')
    {
      plus = TRUE;
      p++;
    }

  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p != ' ' && *p != '-')
        return FALSE;
      else if (digits->len == 0 || p[1] == '\0' || p[1] == ' ' || p[1] == '-')
        return FALSE;   /* a separator at the start, at the end, or two in a row */
    }

  if (plus)
    {
      if (g_str_has_prefix (digits->str, "31"))
        {
          const char *rest = digits->str + 2;
          gsize n = strlen (rest);

          if (rest[0] == '0')
            return FALSE;   /* +31 (0)30 …: leave out the 0 */
          if (g_str_has_prefix (rest, "800") || g_str_has_prefix (rest, "90"))
            return n == 7 || n == 10;
          return n == 9;
        }
      /* Another country: E.164, at most 15 digits. */
      return digits->str[0] != '0' && digits->len >= 8 && digits->len <= 15;
    }

  /* 0800 and 090x: 8 or 11 digits. */
  if (g_str_has_prefix (digits->str, "0800") || g_str_has_prefix (digits->str, "090"))
    return digits->len == 8 || digits->len == 11;
  /* Ordinary numbers, mobile and 085/088/091: 10 digits. */
  if (digits->str[0] == '0')
    return digits->len == 10 && digits->str[1] != '0';
  /* 14 + area code: 14 010, 14 0115. */
  if (g_str_has_prefix (digits->str, "140"))
    return digits->len == 5 || digits->len == 6;
  /* Short numbers residents know: emergency, 113 suicide prevention, 116 xxx lines. */
  if (strcmp (digits->str, "112") == 0 || strcmp (digits->str, "113") == 0 ||
      strcmp (digits->str, "144") == 0 || strcmp (digits->str, "1400") == 0)
    return TRUE;
  if (g_str_has_prefix (digits->str, "116"))
    return digits->len == 6;

  return FALSE;
}

static void
check_phones (Lint *lint)
{
  BakenContentSource *s = lint->source;

  for (guint r = 0; r < baken_content_source_get_n_rows (s, BAKEN_SOURCE_PHONE); r++)
    {
      const char *number = get (lint, BAKEN_SOURCE_PHONE, r, "number");

      if (number != NULL && !baken_lint_phone_is_valid (number))
        add_field_issue (lint, BAKEN_SOURCE_PHONE, r, col (BAKEN_SOURCE_PHONE, "number"), 0,
                         BAKEN_LINT_ERROR, "phone",
                         "number \"%s\" is not a phone number; write 10 digits starting with 0 "
                         "(030 123 45 67), a 0800 or 0900 number, 14 and the area code "
                         "(14 030), or +31 and 9 digits, with spaces or hyphens only", number);
    }
}

/* Web addresses */

static gboolean
host_is_valid (const char *host,
               gsize       length)
{
  gsize label = 0;
  gboolean dot = FALSE;

  if (length == 0 || host[0] == '.' || host[length - 1] == '.')
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = host[i];

      if (c == '.')
        {
          if (label == 0 || host[i - 1] == '-')
            return FALSE;
          label = 0;
          dot = TRUE;
        }
      else if (g_ascii_isalnum (c) || c == '-' || (guchar) c >= 0x80)
        {
          if (label == 0 && c == '-')
            return FALSE;
          label++;
        }
      else
        {
          return FALSE;
        }
    }

  return dot && host[length - 1] != '-';
}

static void
check_url (Lint             *lint,
           BakenSourceTable  table,
           guint             row,
           const char       *column,
           const char       *url)
{
  const char *rest = NULL;
  gsize host_length;
  const char *port;

  if (url == NULL)
    return;

  if (g_str_has_prefix (url, "https://"))
    rest = url + 8;
  else if (g_str_has_prefix (url, "http://"))
    rest = url + 7;
  else
    return;   /* a build error */

  host_length = strcspn (rest, "/?#");
  port = memchr (rest, ':', host_length);
  if (port != NULL)
    {
      for (const char *q = port + 1; q < rest + host_length; q++)
        if (!g_ascii_isdigit (*q))
          port = rest;   /* not a port: invalid host below */
      if (port != rest)
        host_length = port - rest;
    }

  if (!host_is_valid (rest, host_length))
    add_field_issue (lint, table, row, col (table, column), 0, BAKEN_LINT_ERROR, "url",
                     "%s \"%s\" has no valid host name; write the address as the browser "
                     "shows it, such as https://www.voorbeeldstad.nl/schulden", column, url);
  else if (rest == url + 7)
    add_field_issue (lint, table, row, col (table, column), 0, BAKEN_LINT_WARNING, "url-https",
                     "%s \"%s\" starts with http://; residents get a safe connection only with "
                     "https://, so use the https address", column, url);
}

static void
check_urls (Lint *lint)
{
  BakenContentSource *s = lint->source;

  for (guint r = 0; r < baken_content_source_get_n_rows (s, BAKEN_SOURCE_ORGANIZATION); r++)
    check_url (lint, BAKEN_SOURCE_ORGANIZATION, r, "website",
               get (lint, BAKEN_SOURCE_ORGANIZATION, r, "website"));
  for (guint r = 0; r < baken_content_source_get_n_rows (s, BAKEN_SOURCE_SERVICE); r++)
    check_url (lint, BAKEN_SOURCE_SERVICE, r, "url", get (lint, BAKEN_SOURCE_SERVICE, r, "url"));
  for (guint r = 0; r < baken_content_source_get_n_rows (s, BAKEN_SOURCE_CHANNEL); r++)
    {
      const char *kind = get (lint, BAKEN_SOURCE_CHANNEL, r, "kind");

      if (g_strcmp0 (kind, "chat") == 0 || g_strcmp0 (kind, "appointment") == 0 ||
          g_strcmp0 (kind, "website") == 0)
        check_url (lint, BAKEN_SOURCE_CHANNEL, r, "value", get (lint, BAKEN_SOURCE_CHANNEL, r, "value"));
    }
}

/* Hours */

typedef struct
{
  guint       row;
  const char *id;
  guint       days;
  int         opens;
  int         length;       /* minutes; closes before opens runs past midnight */
  const char *valid_from;
  const char *valid_to;
} Slot;

static gboolean
periods_overlap (const Slot *a,
                 const Slot *b)
{
  if (a->valid_to != NULL && b->valid_from != NULL && strcmp (a->valid_to, b->valid_from) < 0)
    return FALSE;
  if (b->valid_to != NULL && a->valid_from != NULL && strcmp (b->valid_to, a->valid_from) < 0)
    return FALSE;

  return TRUE;
}

/* The day (0 = Monday) on which the week intervals of a and b first overlap, or -1. */
static int
slots_overlap (const Slot *a,
               const Slot *b)
{
  for (int d = 0; d < 7; d++)
    {
      int a_start = d * BAKEN_MINUTES_PER_DAY + a->opens;

      if (!(a->days & (1u << d)))
        continue;

      for (int e = 0; e < 7; e++)
        {
          if (!(b->days & (1u << e)))
            continue;

          for (int shift = -1; shift <= 1; shift++)
            {
              int b_start = e * BAKEN_MINUTES_PER_DAY + b->opens + shift * MINUTES_PER_WEEK;

              if (a_start < b_start + b->length && b_start < a_start + a->length)
                return (MAX (a_start, b_start) + MINUTES_PER_WEEK) / BAKEN_MINUTES_PER_DAY % 7;
            }
        }
    }

  return -1;
}

/* minutes after the opening day's midnight; 24:00 stays 24:00, later wraps. */
static char *
format_minutes (int minutes)
{
  if (minutes > BAKEN_MINUTES_PER_DAY)
    minutes -= BAKEN_MINUTES_PER_DAY;

  return g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
}

/* Minutes open on day d (from the start of that day on, slots starting that day). */
static int
open_minutes (GArray     *slots,
              int         day,
              const Slot *period)
{
  gboolean covered[2 * BAKEN_MINUTES_PER_DAY] = { FALSE, };
  int total = 0;

  for (guint i = 0; i < slots->len; i++)
    {
      const Slot *slot = &g_array_index (slots, Slot, i);

      if (!(slot->days & (1u << day)) || !periods_overlap (slot, period))
        continue;
      for (int m = slot->opens; m < slot->opens + slot->length && m < 2 * BAKEN_MINUTES_PER_DAY; m++)
        covered[m] = TRUE;
    }

  for (int m = 0; m < 2 * BAKEN_MINUTES_PER_DAY; m++)
    total += covered[m] ? 1 : 0;

  return total;
}

/* Open day and night on every day of the week, and silent about public holidays: a
 * holiday closes every slot, so a crisis line would read as closed at Christmas. */
static void
check_owner_holidays (Lint       *lint,
                      const char *owner,
                      GArray     *slots)
{
  const Slot *first;

  if (slots->len == 0)
    return;

  for (guint i = 0; i < slots->len; i++)
    if (g_array_index (slots, Slot, i).days & BAKEN_DAY_HOLIDAY)
      return;

  first = &g_array_index (slots, Slot, 0);
  for (int d = 0; d < 7; d++)
    if (open_minutes (slots, d, first) < BAKEN_MINUTES_PER_DAY)
      return;

  add_field_issue (lint, BAKEN_SOURCE_SCHEDULE, first->row,
                   col (BAKEN_SOURCE_SCHEDULE, "byday"), 0, BAKEN_LINT_WARNING,
                   "hours-holidays",
                   "%s is open day and night every day, but closes on public holidays "
                   "because byday has no PH; if it stays open on holidays (a crisis line "
                   "does), write byday as MO,TU,WE,TH,FR,SA,SU,PH", owner);
}

static void
check_owner_hours (Lint       *lint,
                   const char *owner,
                   GArray     *slots)
{
  g_autoptr(GHashTable) reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < slots->len; i++)
    {
      const Slot *b = &g_array_index (slots, Slot, i);

      for (guint j = 0; j < i; j++)
        {
          const Slot *a = &g_array_index (slots, Slot, j);
          int day;

          if (!periods_overlap (a, b) || (day = slots_overlap (a, b)) < 0)
            continue;
          {
            g_autofree char *a_open = format_minutes (a->opens);
            g_autofree char *a_close = format_minutes (a->opens + a->length);
            g_autofree char *b_open = format_minutes (b->opens);
            g_autofree char *b_close = format_minutes (b->opens + b->length);

            add_field_issue (lint, BAKEN_SOURCE_SCHEDULE, b->row,
                             col (BAKEN_SOURCE_SCHEDULE, "opens_at"), 0, BAKEN_LINT_WARNING,
                             "hours-overlap",
                             "slot %s (%s–%s) overlaps slot %s (%s–%s) of %s on %s; merge "
                             "them into one slot or fix the times", b->id, b_open, b_close,
                             a->id, a_open, a_close, owner, day_labels[day]);
          }
          break;
        }
    }

  /* Per validity period of a slot: more than 16 hours open on a day, short of 24. */
  for (guint i = 0; i < slots->len; i++)
    {
      const Slot *period = &g_array_index (slots, Slot, i);
      g_autofree char *key = g_strdup_printf ("%s/%s", period->valid_from ?: "",
                                              period->valid_to ?: "");
      g_autoptr(GString) days = g_string_new (NULL);
      int longest = 0;

      if (g_hash_table_contains (reported, key))
        continue;

      for (int d = 0; d < 7; d++)
        {
          int minutes = open_minutes (slots, d, period);

          if (minutes > MAX_OPEN_MINUTES && minutes < BAKEN_MINUTES_PER_DAY)
            {
              g_string_append_printf (days, "%s%s", days->len > 0 ? "," : "", day_labels[d]);
              longest = MAX (longest, minutes);
            }
        }

      if (days->len > 0)
        {
          g_hash_table_add (reported, g_steal_pointer (&key));
          add_field_issue (lint, BAKEN_SOURCE_SCHEDULE, period->row,
                           col (BAKEN_SOURCE_SCHEDULE, "closes_at"), 0, BAKEN_LINT_WARNING,
                           "hours-long",
                           "%s is open %d h %02d min on %s; more than 16 hours is unusual, so "
                           "check the times (a line open day and night is 00:00 to 24:00)",
                           owner, longest / 60, longest % 60, days->str);
        }
    }

  check_owner_holidays (lint, owner, slots);
}

static void
check_hours (Lint *lint)
{
  BakenContentSource *s = lint->source;
  g_autoptr(GHashTable) owners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_array_unref);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  for (guint r = 0; r < baken_content_source_get_n_rows (s, BAKEN_SOURCE_SCHEDULE); r++)
    {
      const char *channel = get (lint, BAKEN_SOURCE_SCHEDULE, r, "channel_id");
      const char *sal = get (lint, BAKEN_SOURCE_SCHEDULE, r, "service_at_location_id");
      const char *service = get (lint, BAKEN_SOURCE_SCHEDULE, r, "service_id");
      const char *byday = get (lint, BAKEN_SOURCE_SCHEDULE, r, "byday");
      const char *opens_at = get (lint, BAKEN_SOURCE_SCHEDULE, r, "opens_at");
      const char *closes_at = get (lint, BAKEN_SOURCE_SCHEDULE, r, "closes_at");
      g_autofree char *owner = NULL;
      int opens, closes;
      GArray *slots;
      Slot slot = { 0, };

      if (opens_at == NULL || closes_at == NULL ||
          !baken_parse_time (opens_at, &opens) || !baken_parse_time (closes_at, &closes) ||
          opens == closes || opens == BAKEN_MINUTES_PER_DAY)
        continue;   /* build errors */

      if (channel != NULL)
        owner = g_strdup_printf ("channel %s", channel);
      else if (sal != NULL)
        owner = g_strdup_printf ("service_at_location %s", sal);
      else if (service != NULL)
        owner = g_strdup_printf ("service %s", service);
      else
        continue;

      slot.row = r;
      slot.id = get (lint, BAKEN_SOURCE_SCHEDULE, r, "id") ?: "";
      slot.days = BAKEN_DAY_ALL;
      if (byday != NULL && !baken_content_source_parse_byday (byday, &slot.days))
        continue;
      slot.opens = opens;
      slot.length = closes > opens ? closes - opens : BAKEN_MINUTES_PER_DAY - opens + closes;
      slot.valid_from = get (lint, BAKEN_SOURCE_SCHEDULE, r, "valid_from");
      slot.valid_to = get (lint, BAKEN_SOURCE_SCHEDULE, r, "valid_to");

      slots = g_hash_table_lookup (owners, owner);
      if (slots == NULL)
        {
          slots = g_array_new (FALSE, FALSE, sizeof (Slot));
          g_ptr_array_add (order, owner);
          g_hash_table_insert (owners, g_steal_pointer (&owner), slots);
        }
      g_array_append_val (slots, slot);
    }

  for (guint i = 0; i < order->len; i++)
    check_owner_hours (lint, g_ptr_array_index (order, i),
                       g_hash_table_lookup (owners, g_ptr_array_index (order, i)));
}

/* assured_date */

static void
check_assured_dates (Lint *lint)
{
  BakenContentSource *s = lint->source;

  for (guint r = 0; r < baken_content_source_get_n_rows (s, BAKEN_SOURCE_SERVICE); r++)
    {
      const char *text = get (lint, BAKEN_SOURCE_SERVICE, r, "assured_date");
      const char *id = get (lint, BAKEN_SOURCE_SERVICE, r, "id");
      GDate date;
      int days;

      if (text == NULL || id == NULL)
        continue;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, g_ascii_strtoull (text + 8, NULL, 10),
                      g_ascii_strtoull (text + 5, NULL, 10), g_ascii_strtoull (text, NULL, 10));
      if (!g_date_valid (&date))
        continue;

      days = g_date_days_between (&date, &lint->today);
      if (days > (int) lint->max_age_days)
        add_field_issue (lint, BAKEN_SOURCE_SERVICE, r, col (BAKEN_SOURCE_SERVICE, "assured_date"),
                         0, BAKEN_LINT_WARNING, "assured-date",
                         "service \"%s\" was last checked on %s, %d days ago (more than %u); "
                         "check it with the organisation and update assured_date", id, text,
                         days, lint->max_age_days);
      else if (days < 0)
        add_field_issue (lint, BAKEN_SOURCE_SERVICE, r, col (BAKEN_SOURCE_SERVICE, "assured_date"),
                         0, BAKEN_LINT_WARNING, "assured-date",
                         "assured_date %s of service \"%s\" is in the future; write the date "
                         "the service was last checked", text, id);
    }
}

/* Icons */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static void
check_icons (Lint *lint)
{
  BakenContentSource *s = lint->source;
  g_autofree char *path = g_build_filename (baken_content_source_get_dir (s), "icons", NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return;

  for (guint r = 0; r < baken_content_source_get_n_rows (s, BAKEN_SOURCE_LIFE_EVENT); r++)
    if (get (lint, BAKEN_SOURCE_LIFE_EVENT, r, "icon") != NULL)
      g_hash_table_add (used, (gpointer) get (lint, BAKEN_SOURCE_LIFE_EVENT, r, "icon"));

  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *file = NULL;
      g_autofree char *base = NULL;

      name = g_ptr_array_index (names, i);
      file = g_strdup_printf ("icons/%s", name);
      if (!g_str_has_suffix (name, ".svg"))
        {
          add_issue (lint, file, 1, 1, BAKEN_LINT_WARNING, "icon-unused",
                     "%s is not an SVG icon, so the kiosk never uses it; remove it", file);
          continue;
        }
      base = g_strndup (name, strlen (name) - 4);
      if (!g_hash_table_contains (used, base))
        add_issue (lint, file, 1, 1, BAKEN_LINT_WARNING, "icon-unused",
                   "icon \"%s\" is not used by any life event; use it in life_events.csv or "
                   "remove the file", base);
    }
}

/* Sorting and output */

static int
compare_issues (gconstpointer a,
                gconstpointer b)
{
  const BakenLintIssue *ia = *(const BakenLintIssue *const *) a;
  const BakenLintIssue *ib = *(const BakenLintIssue *const *) b;
  int cmp;

  cmp = (strcmp (ib->file, "datapackage.json") == 0) - (strcmp (ia->file, "datapackage.json") == 0);
  if (cmp == 0)
    cmp = strcmp (ia->file, ib->file);
  if (cmp == 0)
    cmp = (ia->line > ib->line) - (ia->line < ib->line);
  if (cmp == 0)
    cmp = (ia->column > ib->column) - (ia->column < ib->column);
  if (cmp == 0)
    cmp = strcmp (ia->rule, ib->rule);

  return cmp;
}

char *
baken_lint_issue_to_string (const BakenLintIssue *issue,
                            const char           *prefix)
{
  g_autofree char *path = prefix != NULL ? g_build_filename (prefix, issue->file, NULL)
                                         : g_strdup (issue->file);

  return g_strdup_printf ("%s:%u:%u: %s: %s (%s)", path, issue->line, issue->column,
                          issue->severity == BAKEN_LINT_ERROR ? "error" : "warning",
                          issue->message, issue->rule);
}

GPtrArray *
baken_lint_source (const char              *src_dir,
                   const BakenLintOptions  *options,
                   GError                 **error)
{
  g_autoptr(BakenContentSource) source = NULL;
  Lint lint = { 0, };

  g_return_val_if_fail (src_dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_date_clear (&lint.today, 1);
  if (options != NULL && options->today != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (options->today, "-", 3);
      guint64 y = 0, m = 0, d = 0;

      if (g_strv_length (parts) == 3 &&
          g_ascii_string_to_unsigned (parts[0], 10, 1900, 9999, &y, NULL) &&
          g_ascii_string_to_unsigned (parts[1], 10, 1, 12, &m, NULL) &&
          g_ascii_string_to_unsigned (parts[2], 10, 1, 31, &d, NULL) &&
          g_date_valid_dmy (d, m, y))
        g_date_set_dmy (&lint.today, d, m, y);
      if (!g_date_valid (&lint.today))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       "\"%s\" is not a date; write YYYY-MM-DD", options->today);
          return NULL;
        }
    }
  else
    {
      g_date_set_time_t (&lint.today, time (NULL));
    }
  lint.max_age_days = options != NULL && options->max_age_days > 0 ? options->max_age_days
                                                                   : DEFAULT_MAX_AGE;

  source = baken_content_source_load (src_dir, error);
  if (source == NULL)
    return NULL;

  lint.source = source;
  lint.issues = g_ptr_array_new_with_free_func ((GDestroyNotify) baken_lint_issue_free);

  add_build_problems (&lint);
  check_public_channels (&lint);
  check_life_events (&lint);
  check_dutch_text (&lint);
  check_texts (&lint);
  check_phones (&lint);
  check_urls (&lint);
  check_hours (&lint);
  check_assured_dates (&lint);
  check_icons (&lint);

  g_ptr_array_sort (lint.issues, compare_issues);
  return lint.issues;
}
