/* baken-services-page.c: who can help with a situation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The services linked to a life event, each as a card (see BakenServiceCard). Only
 * public channels are asked for.
 */
#define G_LOG_DOMAIN "baken-services-page"

#include "config.h"

#include "baken-services-page.h"

#include <glib/gi18n.h>

#include "baken-clamp.h"
#include "baken-columns.h"
#include "baken-service-card.h"

struct _BakenServicesPage
{
  BakenPage     parent_instance;

  /* Inputs */
  char         *event_id;  /* (owned) */

  /* Template children */
  GtkLabel     *overline;
  GtkLabel     *title;
  GtkLabel     *empty;
  BakenColumns *services;
};

G_DEFINE_FINAL_TYPE (BakenServicesPage, baken_services_page, BAKEN_TYPE_PAGE)

enum {
  PROP_0,
  PROP_EVENT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_error (BakenServicesPage *self,
            const GError      *error)
{
  g_warning ("Cannot show the services of %s: %s", self->event_id, error->message);
  gtk_label_set_label (self->title,
                       _("Dit kan nu niet worden getoond. Vraag het aan de medewerker "
                         "bij de balie."));
}

static void
fill (BakenServicesPage *self)
{
  BakenContext *context = baken_page_get_context (BAKEN_PAGE (self));
  const char *language = baken_page_get_language (BAKEN_PAGE (self));
  BakenCatalog *catalog = baken_context_get_catalog (context);
  BakenConfig *config = baken_context_get_config (context);
  g_autoptr(BakenLifeEvent) event = NULL;
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(GError) error = NULL;

  event = baken_catalog_get_life_event (catalog, self->event_id, language, &error);
  if (event == NULL)
    {
      show_error (self, error);
      return;
    }

  services = baken_catalog_get_services_for_event (catalog, self->event_id, language,
                                                   BAKEN_AUDIENCE_PUBLIC, &error);
  if (services == NULL)
    {
      show_error (self, error);
      return;
    }

  gtk_label_set_label (self->overline, event->title);

  if (services->len == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->empty), TRUE);
          return;
    }

  for (guint i = 0; i < services->len; i++)
    {
      GtkWidget *card = baken_service_card_new (g_ptr_array_index (services, i),
                                                baken_context_get_clock (context),
                                                config->holidays);

      baken_columns_append (self->services, card);
    }
}

static void
baken_services_page_constructed (GObject *object)
{
  BakenServicesPage *self = BAKEN_SERVICES_PAGE (object);

  G_OBJECT_CLASS (baken_services_page_parent_class)->constructed (object);

  g_assert (self->event_id != NULL);
  fill (self);
}

static void
baken_services_page_dispose (GObject *object)
{
  BakenServicesPage *self = BAKEN_SERVICES_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), BAKEN_TYPE_SERVICES_PAGE);
  /* Unnamed template children too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (baken_services_page_parent_class)->dispose (object);
}

static void
baken_services_page_finalize (GObject *object)
{
  BakenServicesPage *self = BAKEN_SERVICES_PAGE (object);

  g_free (self->event_id);

  G_OBJECT_CLASS (baken_services_page_parent_class)->finalize (object);
}

static void
baken_services_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  BakenServicesPage *self = BAKEN_SERVICES_PAGE (object);

  switch (prop_id)
    {
    case PROP_EVENT_ID:
      self->event_id = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baken_services_page_class_init (BakenServicesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = baken_services_page_constructed;
  object_class->dispose = baken_services_page_dispose;
  object_class->finalize = baken_services_page_finalize;
  object_class->set_property = baken_services_page_set_property;

  properties[PROP_EVENT_ID] =
    g_param_spec_string ("event-id", NULL, NULL,
                         NULL,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/baken/Kiosk/ui/baken-services-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BakenServicesPage, overline);
  gtk_widget_class_bind_template_child (widget_class, BakenServicesPage, title);
  gtk_widget_class_bind_template_child (widget_class, BakenServicesPage, empty);
  gtk_widget_class_bind_template_child (widget_class, BakenServicesPage, services);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "servicespage");
}

static void
baken_services_page_init (BakenServicesPage *self)
{
  g_type_ensure (BAKEN_TYPE_CLAMP);
  g_type_ensure (BAKEN_TYPE_COLUMNS);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
baken_services_page_new (BakenContext *context,
                         const char   *language,
                         const char   *event_id)
{
  g_return_val_if_fail (BAKEN_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (language != NULL, NULL);
  g_return_val_if_fail (event_id != NULL, NULL);

  return g_object_new (BAKEN_TYPE_SERVICES_PAGE,
                       "context", context,
                       "language", language,
                       "event-id", event_id,
                       NULL);
}
