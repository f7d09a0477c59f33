/* baken-usage.c: what residents use, counted where the navigator shows a page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-usage"

#include "config.h"

#include <string.h>

#include "baken-search.h"
#include "baken-search-page.h"
#include "baken-text-size.h"
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

  /* What the resident switches on (baken_usage_watch ()) */
  GtkWidget       *window;       /* (unowned) it owns what owns this */
  BakenA11yController *a11y;     /* (unowned) */
  BakenSpeechMode *speech_mode;  /* (unowned) */
  GStrv            classes;      /* (owned) the window's style classes, last seen */
  guint            speech_id;
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
language_cb (BakenUsage *self)
{
  g_autofree char *language = NULL;

  g_object_get (self->window, "language", &language, NULL);
  if (language == NULL ||
      g_strcmp0 (language, baken_context_get_default_language (self->context)) == 0)
    return;
  baken_usage_touch (self);
  baken_context_count (self->context, BAKEN_COUNT_LANGUAGE, language, NULL);
}

/* A style class of the window that was not there before. */
static gboolean
class_added (BakenUsage *self,
             GStrv       classes,
             const char *name)
{
  return name != NULL && g_strv_contains ((const char * const *) classes, name) &&
         (self->classes == NULL ||
          !g_strv_contains ((const char * const *) self->classes, name));
}

static void
classes_cb (BakenUsage *self)
{
  g_auto(GStrv) classes = gtk_widget_get_css_classes (self->window);
  const char *large = baken_text_size_get_css_class (BAKEN_TEXT_SIZE_LARGE);
  const char *very_large = baken_text_size_get_css_class (BAKEN_TEXT_SIZE_VERY_LARGE);

  if (class_added (self, classes, large))
    baken_context_count (self->context, BAKEN_COUNT_TEXT_SIZE, "large", NULL);
  if (class_added (self, classes, very_large))
    baken_context_count (self->context, BAKEN_COUNT_TEXT_SIZE, "very_large", NULL);
  if (class_added (self, classes, "high-contrast"))
    baken_context_count (self->context, BAKEN_COUNT_HIGH_CONTRAST, NULL, NULL);
  if (class_added (self, classes, large) || class_added (self, classes, very_large) ||
      class_added (self, classes, "high-contrast"))
    baken_usage_touch (self);
  g_strfreev (self->classes);
  self->classes = g_steal_pointer (&classes);
}

/* Speech mode turns read-aloud on as well: told apart once it has settled. */
static gboolean
read_aloud_settled_cb (gpointer user_data)
{
  BakenUsage *self = user_data;

  self->speech_id = 0;
  if (!baken_a11y_controller_get_read_aloud (self->a11y))
    return G_SOURCE_REMOVE;
  baken_usage_touch (self);
  baken_context_count (self->context,
                       self->speech_mode != NULL && baken_speech_mode_get_on (self->speech_mode)
                       ? BAKEN_COUNT_SPEECH_MODE : BAKEN_COUNT_READ_ALOUD, NULL, NULL);
  return G_SOURCE_REMOVE;
}

static void
read_aloud_cb (BakenUsage *self)
{
  if (baken_a11y_controller_get_read_aloud (self->a11y) && self->speech_id == 0)
    self->speech_id = g_idle_add (read_aloud_settled_cb, self);
}

void
baken_usage_watch (BakenUsage          *self,
                   GtkWidget           *window,
                   BakenA11yController *a11y,
                   BakenSpeechMode     *speech_mode)
{
  g_return_if_fail (BAKEN_IS_USAGE (self));
  g_return_if_fail (GTK_IS_WIDGET (window) && BAKEN_IS_A11Y_CONTROLLER (a11y));

  self->window = window;
  self->a11y = a11y;
  self->speech_mode = speech_mode;
  self->classes = gtk_widget_get_css_classes (window);
  g_signal_connect_object (window, "notify::language", G_CALLBACK (language_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (window, "notify::css-classes", G_CALLBACK (classes_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (a11y, "notify::read-aloud", G_CALLBACK (read_aloud_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
baken_usage_dispose (GObject *object)
{
  BakenUsage *self = BAKEN_USAGE (object);

  g_clear_handle_id (&self->speech_id, g_source_remove);
  g_clear_pointer (&self->classes, g_strfreev);
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
