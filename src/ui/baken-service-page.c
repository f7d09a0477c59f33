/* baken-service-page.c: everything about one service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What they help with, what to expect, what to bring, cost, languages, every public
 * channel with its own hours, and the address with the walking distance from this
 * kiosk and the hours of the coming week. In portrait the sections form one column;
 * in landscape the flow box puts "how to reach them" next to "what to know".
 */
#define G_LOG_DOMAIN "baken-service-page"

#include "config.h"

#include "baken-service-page.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "baken-bidi.h"
#include "baken-clamp.h"
#include "baken-columns.h"
#include "baken-day-table.h"
#include "baken-facts-box.h"
#include "baken-feedback.h"
#include "baken-geo.h"
#include "baken-icon.h"
#include "baken-languages.h"
#include "baken-line.h"
#include "baken-open-badge.h"
#include "baken-service-card.h"

struct _BakenServicePage
{
  BakenPage     parent_instance;

  /* Inputs */
  char         *service_id;  /* (owned) */

  /* Template children */
  GtkLabel     *organization;
  GtkLabel     *name;
  AdwBin       *badge_slot;
  GtkLabel     *alert;
  GtkWidget    *print_button;
  GtkWidget    *help_section;
  GtkLabel     *help;
  GtkWidget    *expect_section;
  GtkLabel     *expect;
  GtkWidget    *bring_section;
  GtkBox       *bring_list;
  GtkWidget    *cost_section;
  GtkLabel     *cost;
  GtkWidget    *eligibility_section;
  GtkLabel     *eligibility;
  GtkWidget    *languages_section;
  GtkLabel     *languages;
  GtkWidget    *channels_section;
  GtkBox       *channels_list;
  GtkWidget    *places_section;
  GtkBox       *places_list;
  GtkBox       *feedback_slot;
};

G_DEFINE_FINAL_TYPE (BakenServicePage, baken_service_page, BAKEN_TYPE_PAGE)

enum {
  PROP_0,
  PROP_SERVICE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Numbers inside the text keep their order in right-to-left languages. */

/* A section shows only when it has something to say. */
static void
set_section (GtkWidget  *section,
             GtkLabel   *label,
             const char *text)
{
  gboolean has_text = text != NULL && *text != '\0';

  gtk_label_set_label (label, has_text ? text : "");
  gtk_widget_set_visible (section, has_text);
}

static GtkWidget *
icon_row (const char *icon_name,
          int         size,
          GtkWidget  *content)
{
  GtkWidget *box = baken_line_new (GTK_ORIENTATION_HORIZONTAL, 16);
  GtkWidget *icon = baken_icon_new (icon_name, size);

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  baken_line_append (BAKEN_LINE (box), icon);
  gtk_widget_set_hexpand (content, TRUE);
  baken_line_append (BAKEN_LINE (box), content);

  return box;
}

static char *
format_address (const BakenLocation *location)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (location->address != NULL)
    g_string_append (text, location->address);

  if (location->postal_code != NULL || location->city != NULL)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (location->postal_code != NULL)
        g_string_append (text, location->postal_code);
      if (location->postal_code != NULL && location->city != NULL)
        g_string_append (text, "  ");
      if (location->city != NULL)
        g_string_append (text, location->city);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const BakenLocation *
find_location (const BakenService *service,
               const char         *location_id)
{
  for (guint i = 0; location_id != NULL && i < service->locations->len; i++)
    {
      const BakenLocation *location = g_ptr_array_index (service->locations, i);

      if (g_strcmp0 (location->id, location_id) == 0)
        return location;
    }

  return NULL;
}

static GtkWidget *
create_channel (const BakenService *service,
                const BakenChannel *channel,
                BakenClock         *clock,
                BakenHolidayFlags   holidays)
{
  const char *title = baken_channel_kind_get_title (channel->kind);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  BakenSchedule *hours = channel->hours;
  g_autofree char *value = NULL;

  gtk_widget_add_css_class (box, "channel");

  gtk_box_append (GTK_BOX (box), baken_page_label_new (title, "channel-title"));
  if (channel->label != NULL && g_strcmp0 (channel->label, title) != 0)
    gtk_box_append (GTK_BOX (box), baken_page_label_new (channel->label, "channel-label"));

  if (channel->kind == BAKEN_CHANNEL_WALK_IN)
    {
      const BakenLocation *location = find_location (service, channel->location_id);

      if (location != NULL)
        {
          value = format_address (location);
          /* Walk-in hours are usually given for the service at that address. */
          if (baken_schedule_is_unknown (hours))
            hours = location->hours;
        }
    }
  else
    {
      value = baken_channel_dup_value_text (channel);
    }

  if (value != NULL && *value != '\0')
    {
      g_autofree char *shown = baken_bidi_dup_value (value);

      gtk_box_append (GTK_BOX (box), baken_page_label_new (shown, "channel-value"));
    }

  /* Hours matter for talking to someone now; an e-mail or a web site without hours
   * needs no "Openingstijden onbekend". */
  if (!baken_schedule_is_unknown (hours) ||
      channel->kind == BAKEN_CHANNEL_PHONE ||
      channel->kind == BAKEN_CHANNEL_CHAT ||
      channel->kind == BAKEN_CHANNEL_WALK_IN)
    gtk_box_append (GTK_BOX (box), baken_open_badge_new_row (hours, clock, holidays));

  if (channel->cost_note != NULL)
    gtk_box_append (GTK_BOX (box), baken_page_label_new (channel->cost_note, "dim-note"));

  /* Staff mode only: a backoffice line, marked so nobody gives it to a resident. */
  if (channel->is_staff)
    {
      gtk_box_append (GTK_BOX (box), baken_page_label_new (_("Alleen voor medewerkers"), "staff-only"));
      gtk_widget_add_css_class (box, "staff-channel");
    }

  return icon_row (baken_channel_kind_get_icon_name (channel->kind), 56, box);
}

static GtkWidget *
create_place (BakenConfig         *config,
              const BakenLocation *location,
              GDateTime           *now)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *address = format_address (location);

  gtk_widget_add_css_class (box, "place");

  if (location->name != NULL)
    gtk_box_append (GTK_BOX (box), baken_page_label_new (location->name, "channel-title"));
  if (*address != '\0')
    {
      g_autofree char *shown = baken_bidi_dup_value (address);

      gtk_box_append (GTK_BOX (box), baken_page_label_new (shown, "channel-value"));
    }

  if (config->has_location && location->has_position)
    {
      double metres = baken_geo_distance_m (config->latitude, config->longitude,
                                            location->latitude, location->longitude);
      g_autofree char *walk = baken_geo_format_walk (metres);

      gtk_box_append (GTK_BOX (box), icon_row ("walk_in", 36, baken_page_label_new (walk, "body")));
    }

  if (location->accessibility != NULL)
    gtk_box_append (GTK_BOX (box), baken_page_label_new (location->accessibility, "dim-note"));
  if (location->transportation != NULL)
    gtk_box_append (GTK_BOX (box), baken_page_label_new (location->transportation, "dim-note"));

  /* Translators: heading above the table of the coming seven days */
  gtk_box_append (GTK_BOX (box), baken_page_label_new (_("Openingstijden"), "subheading"));
  gtk_box_append (GTK_BOX (box), baken_day_table_new (location->hours, now,
                                                      config->holidays));

  return icon_row ("location", 56, box);
}

static void
fill_bring (BakenServicePage   *self,
            const BakenService *service)
{
  guint n = service->what_to_bring != NULL ? g_strv_length (service->what_to_bring) : 0;

  for (guint i = 0; i < n; i++)
    gtk_box_append (self->bring_list,
                    icon_row ("check", 40, baken_page_label_new (service->what_to_bring[i], "body")));

  gtk_widget_set_visible (self->bring_section, n > 0);
}

static void
fill (BakenServicePage *self)
{
  BakenContext *context = baken_page_get_context (BAKEN_PAGE (self));
  const char *language = baken_page_get_language (BAKEN_PAGE (self));
  BakenCatalog *catalog = baken_context_get_catalog (context);
  BakenConfig *config = baken_context_get_config (context);
  g_autoptr(BakenService) service = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *languages = NULL;
  GtkWidget *facts;
  guint n_channels = 0;

  /* Backoffice lines only in staff mode (the context knows). */
  service = baken_catalog_get_service (catalog, self->service_id, language,
                                       baken_context_get_audience (context), &error);
  if (service == NULL)
    {
      g_warning ("Cannot show service %s: %s", self->service_id, error->message);
      gtk_label_set_label (self->name,
                           _("Dit kan nu niet worden getoond. Vraag het aan de medewerker "
                             "bij de balie."));
      return;
    }

  now = baken_context_dup_now (context);

  gtk_label_set_label (self->organization, service->organization_name);
  gtk_label_set_label (self->name, service->name);
  adw_bin_set_child (self->badge_slot,
                     baken_open_badge_new_row (service->hours,
                                               baken_context_get_clock (context),
                                               config->holidays));
  gtk_label_set_label (self->alert, service->alert != NULL ? service->alert : "");
  gtk_widget_set_visible (GTK_WIDGET (self->alert), service->alert != NULL);
  /* Hidden until there is a service to print. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->print_button), "s", service->id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->print_button), "kiosk.open-print");
  gtk_widget_set_visible (self->print_button, TRUE);
  if (baken_context_get_audience (context) == BAKEN_AUDIENCE_STAFF)
    {
      /* Staff: hand the resident over warmly (baken-handover-page.c). */
      GtkWidget *handover = gtk_button_new_with_label (_("Doorverwijzen"));

      gtk_widget_add_css_class (handover, "big-action");
      gtk_widget_set_halign (handover, GTK_ALIGN_START);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (handover), "s", service->id);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (handover), "kiosk.open-handover");
      gtk_widget_insert_after (handover, gtk_widget_get_parent (self->print_button),
                               self->print_button);
    }

  set_section (self->help_section, self->help, service->description);
  facts = baken_facts_box_new (service);
  if (facts != NULL)
    gtk_widget_insert_after (facts, gtk_widget_get_parent (self->help_section),
                             self->help_section);
  set_section (self->expect_section, self->expect, service->what_to_expect);
  fill_bring (self, service);
  set_section (self->cost_section, self->cost, service->cost);
  set_section (self->eligibility_section, self->eligibility, service->eligibility);
  languages = baken_language_format_list ((const char * const *) service->languages);
  set_section (self->languages_section, self->languages, languages);

  for (guint i = 0; i < service->channels->len; i++)
    {
      const BakenChannel *channel = g_ptr_array_index (service->channels, i);

      /* A backoffice line only in staff mode, whatever the catalog returned. */
      if (channel->is_staff &&
          baken_context_get_audience (context) != BAKEN_AUDIENCE_STAFF)
        continue;

      gtk_box_append (self->channels_list,
                      create_channel (service, channel, baken_context_get_clock (context),
                                      config->holidays));
      n_channels++;
    }
  gtk_widget_set_visible (self->channels_section, n_channels > 0);

  for (guint i = 0; i < service->locations->len; i++)
    gtk_box_append (self->places_list,
                    create_place (config, g_ptr_array_index (service->locations, i), now));
  gtk_widget_set_visible (self->places_section, service->locations->len > 0);

  /* Residents only: staff answers would not be theirs. */
  if (baken_context_get_audience (context) == BAKEN_AUDIENCE_STAFF)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->feedback_slot), FALSE);
      return;
    }
  gtk_box_append (self->feedback_slot,
                  baken_feedback_new (context, BAKEN_FEEDBACK_HELPED, service->id));
  gtk_box_append (self->feedback_slot,
                  baken_feedback_new (context, BAKEN_FEEDBACK_WRONG, service->id));
}

static void
baken_service_page_constructed (GObject *object)
{
  BakenServicePage *self = BAKEN_SERVICE_PAGE (object);

  G_OBJECT_CLASS (baken_service_page_parent_class)->constructed (object);

  g_assert (self->service_id != NULL);
  fill (self);
}

static void
baken_service_page_dispose (GObject *object)
{
  BakenServicePage *self = BAKEN_SERVICE_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), BAKEN_TYPE_SERVICE_PAGE);
  /* Unnamed template children too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (baken_service_page_parent_class)->dispose (object);
}

static void
baken_service_page_finalize (GObject *object)
{
  BakenServicePage *self = BAKEN_SERVICE_PAGE (object);

  g_free (self->service_id);

  G_OBJECT_CLASS (baken_service_page_parent_class)->finalize (object);
}

static void
baken_service_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BakenServicePage *self = BAKEN_SERVICE_PAGE (object);

  switch (prop_id)
    {
    case PROP_SERVICE_ID:
      self->service_id = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baken_service_page_class_init (BakenServicePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = baken_service_page_constructed;
  object_class->dispose = baken_service_page_dispose;
  object_class->finalize = baken_service_page_finalize;
  object_class->set_property = baken_service_page_set_property;

  properties[PROP_SERVICE_ID] =
    g_param_spec_string ("service-id", NULL, NULL,
                         NULL,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/baken/Kiosk/ui/baken-service-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BakenServicePage, organization);
  gtk_widget_class_bind_template_child (widget_class, BakenServicePage, feedback_slot);
  gtk_widget_class_bind_template_child (widget_class, BakenServicePage, name);
  gtk_widget_class_bind_template_child (widget_class, BakenServicePage, badge_slot);
  gtk_widget_class_bind_template_child (widget_class, BakenServicePage, alert);
  gtk_widget_class_bind_template_child (widget_class, BakenServicePage, print_button);
  gtk_widget_class_bind_template_child (widget_class, BakenServicePage, help_section);
  gtk_widget_class_bind_template_child (widget_class, BakenServicePage, help);
  gtk_widget_class_bind_template_child (widget_class, BakenServicePage, expect_section);
  gtk_widget_class_bind_template_child (widget_class, BakenServicePage, expect);
  gtk_widget_class_bind_template_child (widget_class, BakenServicePage, bring_section);
  gtk_widget_class_bind_template_child (widget_class, BakenServicePage, bring_list);
  gtk_widget_class_bind_template_child (widget_class, BakenServicePage, cost_section);
  gtk_widget_class_bind_template_child (widget_class, BakenServicePage, cost);
  gtk_widget_class_bind_template_child (widget_class, BakenServicePage, eligibility_section);
  gtk_widget_class_bind_template_child (widget_class, BakenServicePage, eligibility);
  gtk_widget_class_bind_template_child (widget_class, BakenServicePage, languages_section);
  gtk_widget_class_bind_template_child (widget_class, BakenServicePage, languages);
  gtk_widget_class_bind_template_child (widget_class, BakenServicePage, channels_section);
  gtk_widget_class_bind_template_child (widget_class, BakenServicePage, channels_list);
  gtk_widget_class_bind_template_child (widget_class, BakenServicePage, places_section);
  gtk_widget_class_bind_template_child (widget_class, BakenServicePage, places_list);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "servicepage");
}

static void
baken_service_page_init (BakenServicePage *self)
{
  g_type_ensure (BAKEN_TYPE_CLAMP);
  g_type_ensure (BAKEN_TYPE_COLUMNS);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
baken_service_page_new (BakenContext *context,
                        const char   *language,
                        const char   *service_id)
{
  g_return_val_if_fail (BAKEN_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (language != NULL, NULL);
  g_return_val_if_fail (service_id != NULL, NULL);

  return g_object_new (BAKEN_TYPE_SERVICE_PAGE,
                       "context", context,
                       "language", language,
                       "service-id", service_id,
                       NULL);
}

gboolean
baken_service_page_is_untouched (BakenServicePage *self)
{
  g_return_val_if_fail (BAKEN_IS_SERVICE_PAGE (self), FALSE);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->feedback_slot));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (BAKEN_IS_FEEDBACK (child) && !baken_feedback_is_untouched (BAKEN_FEEDBACK (child)))
      return FALSE;

  return TRUE;
}
