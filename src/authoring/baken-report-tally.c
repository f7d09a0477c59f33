/* baken-report-tally.c: the sums over many kiosks' reports (baken-report)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-report"

#include "config.h"

#include "baken-report-tally.h"

#include <string.h>

/* Distinct keys kept per list; a real bundle has a few hundred of each. */
static const guint max_keys[BAKEN_REPORT_N_LISTS] = {
  [BAKEN_REPORT_LIST_LIFE_EVENTS] = 2000,
  [BAKEN_REPORT_LIST_SITUATIONS] = 10000,
  [BAKEN_REPORT_LIST_SERVICES] = 20000,
  [BAKEN_REPORT_LIST_TERMS] = 10000,
  [BAKEN_REPORT_LIST_LANGUAGES] = 1000,
};

struct _BakenReportTally
{
  guint32            today;
  guint32            epoch;            /* 2000-01-01 */
  guint              n_reports;
  guint32            first_date;
  guint32            last_date;
  BakenReportTotals  totals;
  GHashTable        *lists[BAKEN_REPORT_N_LISTS];  /* key → BakenReportItem (owned) */
  guint64            dropped[BAKEN_REPORT_N_LISTS];
  GHashTable        *kiosks;                       /* id → BakenReportKiosk (owned) */
};

static void
item_free (BakenReportItem *item)
{
  g_free (item->key);
  if (item->weeks != NULL)
    g_array_unref (item->weeks);
  g_free (item);
}

static void
kiosk_free (BakenReportKiosk *kiosk)
{
  g_free (kiosk->id);
  g_free (kiosk->name);
  g_free (kiosk->app_version);
  g_free (kiosk->published);
  g_free (kiosk->sync_at);
  g_free (kiosk->sync_reason);
  g_free (kiosk->printer_reason);
  g_free (kiosk->days);
  g_free (kiosk);
}

BakenReportTally *
baken_report_tally_new (guint32 today)
{
  BakenReportTally *self = g_new0 (BakenReportTally, 1);
  GDate epoch;

  g_date_clear (&epoch, 1);
  g_date_set_dmy (&epoch, 1, G_DATE_JANUARY, 2000);
  self->epoch = g_date_get_julian (&epoch);
  self->today = today;
  for (guint i = 0; i < BAKEN_REPORT_N_LISTS; i++)
    self->lists[i] = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            (GDestroyNotify) item_free);
  self->kiosks = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                        (GDestroyNotify) kiosk_free);
  return self;
}

void
baken_report_tally_free (BakenReportTally *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < BAKEN_REPORT_N_LISTS; i++)
    g_hash_table_unref (self->lists[i]);
  g_hash_table_unref (self->kiosks);
  g_free (self);
}

guint32
baken_report_week_of (guint32 julian)
{
  g_return_val_if_fail (julian > 0, 0);
  /* Julian day 1 (1 January of year 1) is a Monday. */
  return julian - (julian - 1) % 7;
}

guint64
baken_report_item_get_week (const BakenReportItem *item,
                            guint32                monday)
{
  guint index;

  if (item->weeks == NULL || monday < item->first_week)
    return 0;
  index = (monday - item->first_week) / 7;
  return index < item->weeks->len ? g_array_index (item->weeks, guint64, index) : 0;
}

static void
add_week (BakenReportItem *item,
          guint32          monday,
          guint64          count)
{
  if (item->weeks == NULL)
    {
      item->weeks = g_array_new (FALSE, TRUE, sizeof (guint64));
      item->first_week = monday;
    }
  if (monday < item->first_week)
    {
      guint more = (item->first_week - monday) / 7;
      g_autofree guint64 *zeros = g_new0 (guint64, more);

      g_array_prepend_vals (item->weeks, zeros, more);
      item->first_week = monday;
    }
  if ((monday - item->first_week) / 7 >= item->weeks->len)
    g_array_set_size (item->weeks, (monday - item->first_week) / 7 + 1);
  g_array_index (item->weeks, guint64, (monday - item->first_week) / 7) += count;
}

/* The item of key in list, new if need be; NULL past the list's cap. */
static BakenReportItem *
lookup (BakenReportTally *self,
        BakenReportList   list,
        const char       *key,
        guint64           count)
{
  BakenReportItem *item = g_hash_table_lookup (self->lists[list], key);

  if (item != NULL)
    return item;
  if (g_hash_table_size (self->lists[list]) >= max_keys[list])
    {
      self->dropped[list] += count;
      return NULL;
    }
  item = g_new0 (BakenReportItem, 1);
  item->key = g_strdup (key);
  g_hash_table_insert (self->lists[list], item->key, item);
  return item;
}

static void
add_totals (BakenReportTotals       *sum,
            const BakenReportTotals *day)
{
  const guint64 *from = (const guint64 *) day;
  guint64 *to = (guint64 *) sum;

  G_STATIC_ASSERT (sizeof (BakenReportTotals) % sizeof (guint64) == 0);
  for (gsize i = 0; i < sizeof (BakenReportTotals) / sizeof (guint64); i++)
    to[i] += from[i];
}

static void
add_counts (BakenReportTally     *self,
            const BakenReportDoc *doc)
{
  static const struct { BakenReportMap map; BakenReportList list; } plain[] = {
    { BAKEN_REPORT_MAP_LIFE_EVENTS, BAKEN_REPORT_LIST_LIFE_EVENTS },
    { BAKEN_REPORT_MAP_SITUATIONS, BAKEN_REPORT_LIST_SITUATIONS },
    { BAKEN_REPORT_MAP_SERVICES, BAKEN_REPORT_LIST_SERVICES },
    { BAKEN_REPORT_MAP_TERMS, BAKEN_REPORT_LIST_TERMS },
    { BAKEN_REPORT_MAP_LANGUAGES, BAKEN_REPORT_LIST_LANGUAGES },
  };
  guint32 monday = baken_report_week_of (doc->date);

  add_totals (&self->totals, &doc->totals);
  for (guint m = 0; m < G_N_ELEMENTS (plain); m++)
    {
      GArray *entries = doc->maps[plain[m].map];

      for (guint i = 0; i < entries->len; i++)
        {
          const BakenReportEntry *entry = &g_array_index (entries, BakenReportEntry, i);
          BakenReportItem *item = lookup (self, plain[m].list, entry->key, entry->counts[0]);

          if (item == NULL)
            continue;
          item->total += entry->counts[0];
          if (plain[m].list == BAKEN_REPORT_LIST_LIFE_EVENTS)
            add_week (item, monday, entry->counts[0]);
        }
    }

  for (guint i = 0; i < doc->maps[BAKEN_REPORT_MAP_HELPED]->len; i++)
    {
      const BakenReportEntry *entry = &g_array_index (doc->maps[BAKEN_REPORT_MAP_HELPED],
                                                      BakenReportEntry, i);
      BakenReportItem *item = lookup (self, BAKEN_REPORT_LIST_SERVICES, entry->key,
                                      entry->counts[0] + entry->counts[1] + entry->counts[2]);

      for (guint k = 0; item != NULL && k < BAKEN_REPORT_N_HELPED; k++)
        item->helped[k] += entry->counts[k];
    }
  for (guint i = 0; i < doc->maps[BAKEN_REPORT_MAP_WRONG]->len; i++)
    {
      const BakenReportEntry *entry = &g_array_index (doc->maps[BAKEN_REPORT_MAP_WRONG],
                                                      BakenReportEntry, i);
      guint64 sum = 0;
      BakenReportItem *item;

      for (guint k = 0; k < BAKEN_REPORT_N_WRONG; k++)
        sum += entry->counts[k];
      item = lookup (self, BAKEN_REPORT_LIST_SERVICES, entry->key, sum);
      for (guint k = 0; item != NULL && k < BAKEN_REPORT_N_WRONG; k++)
        item->wrong[k] += entry->counts[k];
      if (item != NULL)
        item->wrong_total += sum;
    }
}

static void
replace (char       **field,
         const char  *value)
{
  if (g_strcmp0 (*field, value) != 0)
    {
      g_free (*field);
      *field = g_strdup (value);
    }
}

/* Takes the kiosk's name, version and status from its newest report. */
static void
update_kiosk (BakenReportKiosk     *kiosk,
              const BakenReportDoc *doc)
{
  kiosk->restarts += doc->restarts;
  kiosk->fallbacks += doc->fallbacks;
  kiosk->n_days++;
  if (kiosk->first_date == 0 || doc->date < kiosk->first_date)
    kiosk->first_date = doc->date;
  if (doc->date < kiosk->last_date)
    return;
  kiosk->last_date = doc->date;
  replace (&kiosk->name, doc->kiosk_name);
  replace (&kiosk->app_version, doc->app_version);
  replace (&kiosk->published, doc->published);
  replace (&kiosk->sync_at, doc->sync_at);
  replace (&kiosk->sync_reason, doc->sync_reason);
  replace (&kiosk->printer_reason, doc->printer_reason);
  kiosk->serial = doc->serial;
  kiosk->source = doc->source;
  kiosk->sync_result = doc->sync_result;
  kiosk->printer_state = doc->printer_state;
}

static char *
format_date (guint32 julian)
{
  GDate date;
  char text[16];

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &date);
  return g_strdup (text);
}

gboolean
baken_report_tally_add (BakenReportTally      *self,
                        const BakenReportDoc  *doc,
                        GError               **error)
{
  BakenReportKiosk *kiosk;
  gsize byte;
  guint8 bit;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (doc != NULL && doc->kiosk_id != NULL, FALSE);

  if (doc->date < self->epoch || doc->date > self->today)
    {
      g_autofree char *date = format_date (doc->date);
      g_autofree char *today = format_date (self->today);

      g_set_error (error, BAKEN_REPORT_PARSE_ERROR, BAKEN_REPORT_PARSE_ERROR_INVALID,
                   doc->date < self->epoch
                   ? "date %s is before 2000: the kiosk's clock was wrong"
                   : "date %s is after today (%s): the kiosk's clock was wrong, or "
                     "--today is too early", date, today);
      return FALSE;
    }

  kiosk = g_hash_table_lookup (self->kiosks, doc->kiosk_id);
  if (kiosk == NULL && g_hash_table_size (self->kiosks) >= BAKEN_REPORT_MAX_KIOSKS)
    {
      g_set_error (error, BAKEN_REPORT_PARSE_ERROR, BAKEN_REPORT_PARSE_ERROR_INVALID,
                   "kiosk %s is one more than the %d kiosks baken-report reads in one run; "
                   "split the folders", doc->kiosk_id, BAKEN_REPORT_MAX_KIOSKS);
      return FALSE;
    }
  if (kiosk == NULL)
    {
      kiosk = g_new0 (BakenReportKiosk, 1);
      kiosk->id = g_strdup (doc->kiosk_id);
      g_hash_table_insert (self->kiosks, kiosk->id, kiosk);
    }

  byte = (doc->date - self->epoch) / 8;
  bit = (guint8) (1u << ((doc->date - self->epoch) % 8));
  if (byte >= kiosk->n_day_bytes)
    {
      gsize size = MAX (byte + 1, kiosk->n_day_bytes * 2);

      kiosk->days = g_realloc (kiosk->days, size);
      memset (kiosk->days + kiosk->n_day_bytes, 0, size - kiosk->n_day_bytes);
      kiosk->n_day_bytes = size;
    }
  if (kiosk->days[byte] & bit)
    {
      g_autofree char *date = format_date (doc->date);

      g_set_error (error, BAKEN_REPORT_PARSE_ERROR, BAKEN_REPORT_PARSE_ERROR_INVALID,
                   "a second report of kiosk %s for %s; only the first one read counts",
                   doc->kiosk_id, date);
      return FALSE;
    }
  kiosk->days[byte] |= bit;

  update_kiosk (kiosk, doc);
  add_counts (self, doc);
  self->n_reports++;
  if (self->first_date == 0 || doc->date < self->first_date)
    self->first_date = doc->date;
  self->last_date = MAX (self->last_date, doc->date);
  return TRUE;
}

guint
baken_report_tally_get_n_reports (BakenReportTally *self)
{
  return self->n_reports;
}

guint32
baken_report_tally_get_today (BakenReportTally *self)
{
  return self->today;
}

guint32
baken_report_tally_get_first_date (BakenReportTally *self)
{
  return self->first_date;
}

guint32
baken_report_tally_get_last_date (BakenReportTally *self)
{
  return self->last_date;
}

const BakenReportTotals *
baken_report_tally_get_totals (BakenReportTally *self)
{
  return &self->totals;
}

guint64
baken_report_tally_get_newest_serial (BakenReportTally *self)
{
  GHashTableIter iter;
  BakenReportKiosk *kiosk;
  guint64 newest = 0;

  g_hash_table_iter_init (&iter, self->kiosks);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &kiosk))
    newest = MAX (newest, kiosk->serial);
  return newest;
}

guint64
baken_report_tally_get_dropped (BakenReportTally *self,
                                BakenReportList   list)
{
  g_return_val_if_fail (list < BAKEN_REPORT_N_LISTS, 0);
  return self->dropped[list];
}

/* g_hash_table_get_values_as_ptr_array () is GLib 2.76. */
static GPtrArray *
values (GHashTable *table)
{
  GPtrArray *out = g_ptr_array_sized_new (g_hash_table_size (table));
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (out, value);
  return out;
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const BakenReportItem *x = *(const BakenReportItem * const *) a;
  const BakenReportItem *y = *(const BakenReportItem * const *) b;

  if (x->total != y->total)
    return x->total > y->total ? -1 : 1;
  return strcmp (x->key, y->key);
}

GPtrArray *
baken_report_tally_get_items (BakenReportTally *self,
                              BakenReportList   list)
{
  GPtrArray *items;

  g_return_val_if_fail (list < BAKEN_REPORT_N_LISTS, NULL);
  items = values (self->lists[list]);
  g_ptr_array_sort (items, compare_items);
  return items;
}

static int
compare_kiosks (gconstpointer a,
                gconstpointer b)
{
  return strcmp ((*(const BakenReportKiosk * const *) a)->id,
                 (*(const BakenReportKiosk * const *) b)->id);
}

GPtrArray *
baken_report_tally_get_kiosks (BakenReportTally *self)
{
  GPtrArray *kiosks = values (self->kiosks);

  g_ptr_array_sort (kiosks, compare_kiosks);
  return kiosks;
}
