/* baken-lint-hours.c: opening hours that would mislead
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * hours-long, hours-holidays and hours-overlap, on the weekly slots of each owner (a
 * phone, a channel, a service at a location or a service): open more than 16 hours on a
 * day, open day and night but closed on public holidays, or two slots that overlap.
 */
#define G_LOG_DOMAIN "baken-lint"

#include "config.h"

#include "baken-lint-hours.h"

#include <string.h>

#include "baken-hours.h"

#define MAX_OPEN_MINUTES    (16 * 60)
#define MINUTES_PER_WEEK    (7 * BAKEN_MINUTES_PER_DAY)

static const char *const day_labels[] = { "MO", "TU", "WE", "TH", "FR", "SA", "SU" };

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
check_owner_holidays (BakenLintContext *lint,
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

  baken_lint_add_field_issue (lint, BAKEN_SOURCE_SCHEDULE, first->row,
                              baken_lint_column (BAKEN_SOURCE_SCHEDULE, "byday"), 0,
                              BAKEN_LINT_WARNING, "hours-holidays",
                              "%s is open day and night every day, but closes on public holidays "
                              "because byday has no PH; if it stays open on holidays (a crisis "
                              "line does), write byday as MO,TU,WE,TH,FR,SA,SU,PH", owner);
}

static void
check_owner_hours (BakenLintContext *lint,
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

            baken_lint_add_field_issue (lint, BAKEN_SOURCE_SCHEDULE, b->row,
                                        baken_lint_column (BAKEN_SOURCE_SCHEDULE, "opens_at"), 0,
                                        BAKEN_LINT_WARNING, "hours-overlap",
                                        "slot %s (%s–%s) overlaps slot %s (%s–%s) of %s on %s; "
                                        "merge them into one slot or fix the times", b->id, b_open,
                                        b_close, a->id, a_open, a_close, owner, day_labels[day]);
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
          baken_lint_add_field_issue (lint, BAKEN_SOURCE_SCHEDULE, period->row,
                                      baken_lint_column (BAKEN_SOURCE_SCHEDULE, "closes_at"), 0,
                                      BAKEN_LINT_WARNING, "hours-long",
                                      "%s is open %d h %02d min on %s; more than 16 hours is "
                                      "unusual, so check the times (a line open day and night is "
                                      "00:00 to 24:00)", owner, longest / 60, longest % 60,
                                      days->str);
        }
    }

  check_owner_holidays (lint, owner, slots);
}

void
baken_lint_check_hours (BakenLintContext *lint)
{
  BakenContentSource *s = lint->source;
  g_autoptr(GHashTable) owners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_array_unref);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  for (guint r = 0; r < baken_content_source_get_n_rows (s, BAKEN_SOURCE_SCHEDULE); r++)
    {
      const char *channel = baken_lint_get (lint, BAKEN_SOURCE_SCHEDULE, r, "channel_id");
      const char *sal = baken_lint_get (lint, BAKEN_SOURCE_SCHEDULE, r, "service_at_location_id");
      const char *service = baken_lint_get (lint, BAKEN_SOURCE_SCHEDULE, r, "service_id");
      const char *byday = baken_lint_get (lint, BAKEN_SOURCE_SCHEDULE, r, "byday");
      const char *opens_at = baken_lint_get (lint, BAKEN_SOURCE_SCHEDULE, r, "opens_at");
      const char *closes_at = baken_lint_get (lint, BAKEN_SOURCE_SCHEDULE, r, "closes_at");
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
      slot.id = baken_lint_get (lint, BAKEN_SOURCE_SCHEDULE, r, "id") ?: "";
      slot.days = BAKEN_DAY_ALL;
      if (byday != NULL && !baken_content_source_parse_byday (byday, &slot.days))
        continue;
      slot.opens = opens;
      slot.length = closes > opens ? closes - opens : BAKEN_MINUTES_PER_DAY - opens + closes;
      slot.valid_from = baken_lint_get (lint, BAKEN_SOURCE_SCHEDULE, r, "valid_from");
      slot.valid_to = baken_lint_get (lint, BAKEN_SOURCE_SCHEDULE, r, "valid_to");

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
