/* baken-usage.c: what residents use, counted where the navigator shows a page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-usage"

#include "config.h"

#include <string.h>

#include "baken-search.h"
#include "baken-search-page.h"
#include "baken-usage.h"

struct _BakenUsage
{
  GObject          parent_instance;

  BakenContext    *context;      /* (owned) */
  BakenNavigator  *navigator;    /* (unowned) it outlives the window's usage */
  guint            depth;        /* of the page shown last */
  gboolean         visiting;     /* a visit began since the last reset */
  GtkWidget       *search_page;  /* (unowned) (nullable) the search being typed */
  char            *search_text;  /* (owned) (nullable) its text, in memory only */
};

G_DEFINE_FINAL_TYPE (BakenUsage, baken_usage, G_TYPE_OBJECT)

static void
forget_search_text (BakenUsage *self)
{
  if (self->search_text != NULL)
    memset (self->search_text, 0, strlen (self->search_text));
  g_clear_pointer (&self->search_text, g_free);
}

static void
search_text_cb (BakenSearchPage *page,
                GParamSpec      *pspec,
                BakenUsage      *self)
{
  if (GTK_WIDGET (page) != self->search_page)
    return;
  forget_search_text (self);
  self->search_text = g_strdup (baken_search_page_get_text (page));
}

/* The search ends: counted with whether it found anything, then forgotten. */
static void
end_search (BakenUsage *self)
{
  BakenCatalog *catalog = baken_context_get_catalog (self->context);
  BakenMonitor *monitor = baken_context_get_monitor (self->context);
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *text = NULL;

  self->search_page = NULL;
  text = g_steal_pointer (&self->search_text);
  if (text == NULL || *g_strstrip (text) == '\0' || catalog == NULL || monitor == NULL ||
      baken_context_get_audience (self->context) == BAKEN_AUDIENCE_STAFF)
    goto out;

  results = baken_search_run (catalog, text, baken_navigator_get_language (self->navigator),
                              1, NULL);
  baken_monitor_count_search (monitor, catalog, text, results != NULL && results->len > 0);

out:
  if (text != NULL)
    memset (text, 0, strlen (text));
}

void
baken_usage_touch (BakenUsage *self)
{
  BakenMonitor *monitor;

  g_return_if_fail (BAKEN_IS_USAGE (self));

  monitor = baken_context_get_monitor (self->context);
  if (self->visiting || monitor == NULL ||
      baken_context_get_audience (self->context) == BAKEN_AUDIENCE_STAFF)
    return;
  self->visiting = TRUE;
  baken_monitor_count_visit (monitor);
}

/* A life event at the top is a life event; one inside another is a situation. */
static void
count_event (BakenUsage *self,
             const char *id)
{
  BakenCatalog *catalog = baken_context_get_catalog (self->context);
  g_autoptr(BakenLifeEvent) event = NULL;

  if (catalog == NULL)
    return;
  event = baken_catalog_get_life_event (catalog, id, "nl", NULL);
  if (event != NULL)
    baken_context_count (self->context, event->parent_id == NULL ? BAKEN_COUNT_LIFE_EVENT
                                                                 : BAKEN_COUNT_SITUATION,
                         event->id, NULL);
}

static void
page_shown_cb (BakenUsage *self)
{
  guint depth = baken_navigator_get_depth (self->navigator);
  BakenLocationKind kind = baken_navigator_get_kind (self->navigator);
  g_autofree char *location = baken_navigator_dup_location (self->navigator);
  const char *colon = strchr (location, ':');
  const char *id = colon != NULL ? colon + 1 : NULL;
  gboolean forward = depth > self->depth;

  self->depth = depth;
  if (self->search_page != NULL && kind != BAKEN_LOCATION_SEARCH)
    end_search (self);
  if (kind == BAKEN_LOCATION_SEARCH)
    {
      GtkWidget *page = baken_navigator_get_page (self->navigator);

      if (BAKEN_IS_SEARCH_PAGE (page) && page != self->search_page)
        {
          self->search_page = page;
          g_signal_connect_object (page, "notify::text", G_CALLBACK (search_text_cb), self, 0);
          search_text_cb (BAKEN_SEARCH_PAGE (page), NULL, self);
        }
    }
  if (!forward || kind == BAKEN_LOCATION_HOME)
    return;

  baken_usage_touch (self);
  switch (kind)
    {
    case BAKEN_LOCATION_EVENT:
    case BAKEN_LOCATION_SERVICES:
      if (id != NULL)
        count_event (self, id);
      break;
    case BAKEN_LOCATION_SERVICE:
      if (id != NULL)
        baken_context_count (self->context, BAKEN_COUNT_SERVICE, id, NULL);
      break;
    case BAKEN_LOCATION_HOME:
    case BAKEN_LOCATION_SEARCH:
    case BAKEN_LOCATION_PRINT:
    case BAKEN_LOCATION_STATUS:
    case BAKEN_LOCATION_HANDOVER:
    case BAKEN_LOCATION_HANDOVER_PRINT:
    default:
      break;
    }
}

void
baken_usage_reset (BakenUsage *self,
                   gboolean    idle)
{
  BakenMonitor *monitor;

  g_return_if_fail (BAKEN_IS_USAGE (self));

  if (self->search_page != NULL)
    end_search (self);
  forget_search_text (self);
  if (self->visiting && idle)
    baken_context_count (self->context, BAKEN_COUNT_IDLE_RESET, NULL, NULL);
  self->visiting = FALSE;
  self->depth = 1;
  monitor = baken_context_get_monitor (self->context);
  if (monitor != NULL)
    baken_monitor_flush (monitor);
}

static void
baken_usage_dispose (GObject *object)
{
  BakenUsage *self = BAKEN_USAGE (object);

  forget_search_text (self);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (baken_usage_parent_class)->dispose (object);
}

static void
baken_usage_class_init (BakenUsageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = baken_usage_dispose;
}

static void
baken_usage_init (BakenUsage *self)
{
  self->depth = 1;
}

BakenUsage *
baken_usage_new (BakenContext   *context,
                 BakenNavigator *navigator)
{
  BakenUsage *self;

  g_return_val_if_fail (BAKEN_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (BAKEN_IS_NAVIGATOR (navigator), NULL);

  self = g_object_new (BAKEN_TYPE_USAGE, NULL);
  self->context = g_object_ref (context);
  self->navigator = navigator;
  g_signal_connect_object (navigator, "page-shown", G_CALLBACK (page_shown_cb), self,
                           G_CONNECT_SWAPPED);

  return self;
}
