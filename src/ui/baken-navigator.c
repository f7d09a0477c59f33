/* baken-navigator.c: the pages of the kiosk, one location at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Navigation is a history of locations (baken-history.h); each step shows the page of
 * its location in the current language (templates are translated when they are built).
 * The pages of life events, services and Home are kept for the next visit (a page
 * built and laid out costs several frames, one shown again about one; baken-page-cache.c), under
 * a key of location, language, audience and content; every other page (search, print,
 * staff screens) is built fresh and dropped when the next shows. A kept page is shown
 * again scrolled to its top, as a fresh one would be. Whoever owns the navigator drops
 * the kept pages whenever they may hold something of the last person (the reset between
 * residents, staff mode starting or ending): baken_navigator_drop_pages ().
 *
 * The search index is built once the first page is up (at low priority, after it is
 * drawn), so the first key on the search page is fast.
 */
#define G_LOG_DOMAIN "baken-window"

#include "config.h"

#include "baken-navigator.h"

#include "baken-direction.h"
#include "baken-page-cache.h"

#include "baken-event-page.h"
#include "baken-home-page.h"
#include "baken-preparing-page.h"
#include "baken-print-page.h"
#include "baken-search.h"
#include "baken-search-page.h"
#include "baken-service-page.h"
#include "baken-services-page.h"
#include "baken-handover-page.h"
#include "baken-status-page.h"

struct _BakenNavigator
{
  GObject       parent_instance;

  /* Inputs */
  GtkStack     *stack;        /* (unowned) in the window, which owns this */
  BakenContext *context;      /* (owned) */
  char         *language;     /* (owned) */

  /* State */
  BakenHistory *history;      /* (owned) */
  GtkWidget    *page;         /* (unowned) the visible page in stack */
  BakenPageCache *kept;       /* (owned) pages kept for the next visit */
  BakenCatalog *kept_catalog; /* (unowned) (nullable) compared only: the content they show */
  guint         page_serial;
  guint         prepare_search_id; /* GSource, 0 when done */
};

/* Home, its life events and their situations, and the services a resident opened. */
#define MAX_KEPT_PAGES 32

G_DEFINE_FINAL_TYPE (BakenNavigator, baken_navigator, G_TYPE_OBJECT)

enum {
  SIGNAL_PAGE_SHOWN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The search text lives in the location, so Back and a new language bring it back. */
static void
search_text_changed_cb (BakenSearchPage *page,
                        GParamSpec      *pspec,
                        BakenNavigator  *self)
{
  if (baken_history_get_kind (self->history) != BAKEN_LOCATION_SEARCH ||
      self->page != GTK_WIDGET (page))
    return;

  baken_history_set_id (self->history, baken_search_page_get_text (page));
}

/* Builds the search index once the first screen is up, so the first key is fast. */
static gboolean
prepare_search_cb (gpointer user_data)
{
  BakenNavigator *self = BAKEN_NAVIGATOR (user_data);
  BakenCatalog *catalog = baken_context_get_catalog (self->context);
  g_autoptr(GError) error = NULL;

  self->prepare_search_id = 0;
  if (catalog != NULL && !baken_search_prepare (catalog, &error))
    g_warning ("Cannot prepare the search index: %s", error->message);

  return G_SOURCE_REMOVE;
}

static GtkWidget *
create_search_page (BakenNavigator *self,
                    const char     *text)
{
  GtkWidget *page = baken_search_page_new (self->context, self->language, text);

  g_signal_connect_object (page, "notify::text", G_CALLBACK (search_text_changed_cb), self, 0);

  return page;
}

static GtkWidget *
create_page (BakenNavigator    *self,
             BakenLocationKind  kind,
             const char        *id)
{
  /* No trusted content yet (a kiosk with its own keys before its first bundle). */
  if (baken_context_get_catalog (self->context) == NULL)
    return baken_preparing_page_new ();

  switch (kind)
    {
    case BAKEN_LOCATION_HOME:
      return baken_home_page_new (self->context, self->language);
    case BAKEN_LOCATION_EVENT:
      return baken_event_page_new (self->context, self->language, id);
    case BAKEN_LOCATION_SERVICES:
      return baken_services_page_new (self->context, self->language, id);
    case BAKEN_LOCATION_SERVICE:
      return baken_service_page_new (self->context, self->language, id);
    case BAKEN_LOCATION_SEARCH:
      return create_search_page (self, id);
    case BAKEN_LOCATION_PRINT:
      return baken_print_page_new (self->context, self->language, id,
                                   baken_history_get_event_id (self->history));
    case BAKEN_LOCATION_STATUS:
      return baken_status_page_new (self->context, self->language);
    case BAKEN_LOCATION_HANDOVER:
      return baken_handover_page_new (self->context, self->language, id);
    case BAKEN_LOCATION_HANDOVER_PRINT:
      return baken_print_page_new_handover (self->context, self->language, id);
    default:
      g_assert_not_reached ();
    }
}

/* The key a page is kept under: everything it was built from. NULL for a page that is
 * never kept: it holds what a resident typed (search), a print job (print) or staff-only
 * figures (status, handover). The audience is in the key, so a page built in staff mode
 * (with staff-only numbers, without the feedback questions) is never one a resident
 * gets, nor the other way round, even if a drop were missed. The content is its serial
 * and its catalog (a new bundle also drops every page: see check_content ()). Text
 * size and contrast are not in it: they are styles of the window, which a kept page
 * takes on when shown. A service page with a feedback question answered is not kept
 * (see leave_page ()). */
static char *
dup_page_key (BakenNavigator    *self,
              BakenLocationKind  kind,
              const char        *id)
{
  BakenCatalog *catalog = baken_context_get_catalog (self->context);
  BakenKioskContent *content = baken_context_get_content (self->context);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;

  if (catalog == NULL ||
      (kind != BAKEN_LOCATION_HOME && kind != BAKEN_LOCATION_EVENT &&
       kind != BAKEN_LOCATION_SERVICES && kind != BAKEN_LOCATION_SERVICE))
    return NULL;
  /* A service page marks today in its opening hours: a new day, a new page. */
  now = baken_context_dup_now (self->context);
  today = g_date_time_format (now, "%F");

  return g_strdup_printf ("%d:%s|%s|%s|%" G_GUINT64_FORMAT ":%p|%s", (int) kind,
                          id != NULL ? id : "", self->language,
                          baken_context_get_audience (self->context) == BAKEN_AUDIENCE_STAFF
                          ? "staff" : "public",
                          content != NULL ? baken_kiosk_content_get_serial (content) : 0,
                          catalog, today);
}

/* Content switched in (a new bundle): no page of the old one is shown again. */
static void
check_content (BakenNavigator *self)
{
  BakenCatalog *catalog = baken_context_get_catalog (self->context);

  if (catalog == self->kept_catalog)
    return;
  baken_page_cache_drop (self->kept, self->page);
  self->kept_catalog = catalog;
}

/* The page old goes out of sight: kept (hidden from GTK's layout and from assistive
 * technology until shown again) when it is as it was built, else taken out of the
 * stack, so the next visit gets the feedback questions fresh. */
static void
leave_page (BakenNavigator *self,
            GtkWidget      *old)
{
  if (baken_page_cache_contains (self->kept, old) &&
      (!BAKEN_IS_SERVICE_PAGE (old) ||
       baken_service_page_is_untouched (BAKEN_SERVICE_PAGE (old))))
    gtk_widget_set_visible (old, FALSE);
  else
    baken_page_cache_forget (self->kept, old);
}

/* Focus on the page that goes away goes with it. Else GtkStack looks for the new
 * page's first control itself, sorting the controls of the whole page by where they
 * are (a tenth of the cost of opening a service page), only for the "page-shown"
 * handlers to move it at once to where the kiosk puts it (baken-focus-path.c): on the
 * search page nowhere, after printing on Begin. Assistive technology heard that
 * first control too. */
static void
drop_focus (GtkWidget *old)
{
  GtkRoot *root = gtk_widget_get_root (old);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && (focus == old || gtk_widget_is_ancestor (focus, old)))
    gtk_root_set_focus (root, NULL);
}

static void
baken_navigator_dispose (GObject *object)
{
  BakenNavigator *self = BAKEN_NAVIGATOR (object);

  self->page = NULL;
  g_clear_pointer (&self->kept, baken_page_cache_free);
  g_clear_handle_id (&self->prepare_search_id, g_source_remove);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (baken_navigator_parent_class)->dispose (object);
}

static void
baken_navigator_finalize (GObject *object)
{
  BakenNavigator *self = BAKEN_NAVIGATOR (object);

  g_clear_pointer (&self->history, baken_history_free);
  g_free (self->language);

  G_OBJECT_CLASS (baken_navigator_parent_class)->finalize (object);
}

static void
baken_navigator_class_init (BakenNavigatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = baken_navigator_dispose;
  object_class->finalize = baken_navigator_finalize;

  signals[SIGNAL_PAGE_SHOWN] =
    g_signal_new ("page-shown",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
baken_navigator_init (BakenNavigator *self)
{
  self->language = g_strdup ("nl");
  self->history = baken_history_new ();
}

BakenNavigator *
baken_navigator_new (GtkStack     *stack,
                     BakenContext *context)
{
  BakenNavigator *self;

  g_return_val_if_fail (GTK_IS_STACK (stack), NULL);
  g_return_val_if_fail (BAKEN_IS_CONTEXT (context), NULL);

  self = g_object_new (BAKEN_TYPE_NAVIGATOR, NULL);
  self->stack = stack;
  self->context = g_object_ref (context);
  self->kept = baken_page_cache_new (stack, MAX_KEPT_PAGES);
  self->prepare_search_id = g_idle_add_full (G_PRIORITY_LOW, prepare_search_cb, self, NULL);

  return self;
}

void
baken_navigator_set_language (BakenNavigator *self,
                              const char     *language)
{
  g_return_if_fail (BAKEN_IS_NAVIGATOR (self));
  g_return_if_fail (language != NULL);

  g_free (self->language);
  self->language = g_strdup (language);
}

const char *
baken_navigator_get_language (BakenNavigator *self)
{
  g_return_val_if_fail (BAKEN_IS_NAVIGATOR (self), NULL);

  return self->language;
}

GtkWidget *
baken_navigator_get_page (BakenNavigator *self)
{
  g_return_val_if_fail (BAKEN_IS_NAVIGATOR (self), NULL);

  return self->page;
}

guint
baken_navigator_get_depth (BakenNavigator *self)
{
  g_return_val_if_fail (BAKEN_IS_NAVIGATOR (self), 0);

  return baken_history_get_depth (self->history);
}

BakenLocationKind
baken_navigator_get_kind (BakenNavigator *self)
{
  g_return_val_if_fail (BAKEN_IS_NAVIGATOR (self), BAKEN_LOCATION_HOME);

  return baken_history_get_kind (self->history);
}

char *
baken_navigator_dup_location (BakenNavigator *self)
{
  g_return_val_if_fail (BAKEN_IS_NAVIGATOR (self), NULL);

  return baken_history_dup_location (self->history);
}

void
baken_navigator_show (BakenNavigator *self)
{
  g_autofree char *name = NULL;
  g_autofree char *key = NULL;
  GtkWidget *old;
  GtkWidget *page;

  g_return_if_fail (BAKEN_IS_NAVIGATOR (self));

  old = self->page;
  check_content (self);
  key = dup_page_key (self, baken_history_get_kind (self->history),
                      baken_history_get_id (self->history));
  page = key != NULL ? baken_page_cache_lookup (self->kept, key) : NULL;
  g_debug ("Page %s: %s", page != NULL ? "kept" : "new", key != NULL ? key : "(not kept)");
  if (page != NULL)
    {
      gtk_widget_set_visible (page, TRUE);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (page), GTK_ACCESSIBLE_STATE_HIDDEN);
    }
  else
    {
      name = g_strdup_printf ("page-%u", ++self->page_serial);
      page = create_page (self, baken_history_get_kind (self->history),
                          baken_history_get_id (self->history));
      /* Built in its language, kept in it: a later language switch leaves it alone. */
      baken_direction_hold (page);
      gtk_stack_add_named (self->stack, page, name);
      if (key != NULL)
        baken_page_cache_keep (self->kept, key, page);
    }
  if (old != NULL && old != page)
    drop_focus (old);
  gtk_stack_set_visible_child (self->stack, page);
  self->page = page;
  if (old != NULL && old != page)
    leave_page (self, old);

  g_signal_emit (self, signals[SIGNAL_PAGE_SHOWN], 0);
}

void
baken_navigator_drop_pages (BakenNavigator *self)
{
  g_return_if_fail (BAKEN_IS_NAVIGATOR (self));

  baken_page_cache_drop (self->kept, self->page);
}

guint
baken_navigator_get_kept_pages (BakenNavigator *self)
{
  g_return_val_if_fail (BAKEN_IS_NAVIGATOR (self), 0);

  return baken_page_cache_get_size (self->kept);
}

void
baken_navigator_push (BakenNavigator    *self,
                      BakenLocationKind  kind,
                      const char        *id)
{
  g_return_if_fail (BAKEN_IS_NAVIGATOR (self));

  baken_history_push (self->history, kind, id);
  baken_navigator_show (self);
}

gboolean
baken_navigator_back (BakenNavigator *self)
{
  guint depth;

  g_return_val_if_fail (BAKEN_IS_NAVIGATOR (self), FALSE);

  depth = baken_history_get_depth (self->history);
  if (depth <= 1)
    return FALSE;

  baken_history_truncate (self->history, depth - 1);
  baken_navigator_show (self);

  return TRUE;
}

gboolean
baken_navigator_home (BakenNavigator *self)
{
  g_return_val_if_fail (BAKEN_IS_NAVIGATOR (self), FALSE);

  if (baken_history_get_depth (self->history) <= 1)
    return FALSE;

  baken_history_truncate (self->history, 1);
  baken_navigator_show (self);

  return TRUE;
}

void
baken_navigator_forget (BakenNavigator *self)
{
  g_return_if_fail (BAKEN_IS_NAVIGATOR (self));

  baken_history_truncate (self->history, 1);
}

gboolean
baken_navigator_open_event (BakenNavigator  *self,
                            const char      *event_id,
                            GError         **error)
{
  BakenCatalog *catalog;
  g_autoptr(BakenLifeEvent) event = NULL;

  g_return_val_if_fail (BAKEN_IS_NAVIGATOR (self), FALSE);

  catalog = baken_context_get_catalog (self->context);
  event = baken_catalog_get_life_event (catalog, event_id, self->language, error);
  if (event == NULL)
    return FALSE;

  /* No sub-situations: straight to who can help. */
  baken_navigator_push (self, event->n_children > 0 ? BAKEN_LOCATION_EVENT
                                                    : BAKEN_LOCATION_SERVICES,
                        event->id);

  return TRUE;
}

gboolean
baken_navigator_open (BakenNavigator  *self,
                      const char      *step,
                      GError         **error)
{
  BakenCatalog *catalog;
  const char *colon;
  g_autofree char *kind = NULL;
  const char *id;

  g_return_val_if_fail (BAKEN_IS_NAVIGATOR (self), FALSE);
  g_return_val_if_fail (step != NULL, FALSE);

  catalog = baken_context_get_catalog (self->context);

  /* While the kiosk is being prepared there is no content to go to. */
  if (catalog == NULL &&
      (g_str_equal (step, "search") || g_str_has_prefix (step, "search:") ||
       g_str_has_prefix (step, "event:") || g_str_has_prefix (step, "services:") ||
       g_str_has_prefix (step, "service:") || g_str_has_prefix (step, "print:")))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "“%s”: no content is open; the kiosk shows that it is being prepared",
                   step);
      return FALSE;
    }

  if (g_str_equal (step, "search"))
    {
      baken_navigator_push (self, BAKEN_LOCATION_SEARCH, NULL);
      return TRUE;
    }

  /* Staff screens only in staff mode: --open is no way around the PIN. */
  if (g_str_equal (step, "status") || g_str_has_prefix (step, "handover:"))
    {
      if (!baken_staff_session_get_active (baken_context_get_staff (self->context)))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                       "“%s”: a staff screen; enter staff mode first", step);
          return FALSE;
        }
      if (g_str_equal (step, "status"))
        {
          baken_navigator_push (self, BAKEN_LOCATION_STATUS, NULL);
          return TRUE;
        }
    }

  colon = strchr (step, ':');
  if (colon == NULL || colon[1] == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "“%s”: give KIND:ID, e.g. event:ID, services:ID, service:ID, lang:en "
                   "or idle:prompt", step);
      return FALSE;
    }

  kind = g_strndup (step, colon - step);
  id = colon + 1;

  if (g_str_equal (kind, "event"))
    return baken_navigator_open_event (self, id, error);

  if (g_str_equal (kind, "services"))
    {
      g_autoptr(BakenLifeEvent) event = baken_catalog_get_life_event (catalog, id,
                                                                      self->language, error);
      if (event == NULL)
        return FALSE;
      baken_navigator_push (self, BAKEN_LOCATION_SERVICES, id);
      return TRUE;
    }

  if (g_str_equal (kind, "service") || g_str_equal (kind, "print") ||
      g_str_equal (kind, "handover"))
    {
      g_autoptr(BakenService) service = baken_catalog_get_service (catalog, id, self->language,
                                                                   BAKEN_AUDIENCE_PUBLIC,
                                                                   error);
      if (service == NULL)
        return FALSE;
      baken_navigator_push (self, g_str_equal (kind, "print") ? BAKEN_LOCATION_PRINT
                                  : g_str_equal (kind, "handover") ? BAKEN_LOCATION_HANDOVER
                                  : BAKEN_LOCATION_SERVICE,
                            id);
      return TRUE;
    }

  if (g_str_equal (kind, "search"))
    {
      baken_navigator_push (self, BAKEN_LOCATION_SEARCH, id);
      return TRUE;
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               "“%s”: unknown step; use event:ID, services:ID, service:ID, print:ID, "
               "lang:CODE or idle:prompt", step);
  return FALSE;
}
