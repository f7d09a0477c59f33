/* baken-service-card.c: one service in the list of who can help
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-service-card"

#include "config.h"

#include "baken-service-card.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "baken-bidi.h"
#include "baken-controls.h"
#include "baken-flow.h"
#include "baken-icon.h"
#include "baken-line.h"
#include "baken-open-badge.h"
#include "baken-wrap.h"

struct _BakenServiceCard
{
  GtkButton  parent_instance;

  /* Template children */
  GtkLabel  *organization;
  GtkLabel  *name;
  GtkLabel  *summary;
  GtkLabel  *note;
  AdwBin    *badge_slot;
  BakenFlow *channels;
};

G_DEFINE_FINAL_TYPE (BakenServiceCard, baken_service_card, GTK_TYPE_BUTTON)

const char *
baken_channel_kind_get_icon_name (BakenChannelKind kind)
{
  switch (kind)
    {
    case BAKEN_CHANNEL_PHONE: return "phone";
    case BAKEN_CHANNEL_CHAT: return "chat";
    case BAKEN_CHANNEL_APPOINTMENT: return "appointment";
    case BAKEN_CHANNEL_WALK_IN: return "walk_in";
    case BAKEN_CHANNEL_EMAIL: return "email";
    case BAKEN_CHANNEL_WEBSITE: return "website";
    default: g_return_val_if_reached (NULL);
    }
}

char *
baken_channel_dup_value_text (const BakenChannel *channel)
{
  const char *text;

  g_return_val_if_fail (channel != NULL, NULL);

  if (channel->value == NULL || *channel->value == '\0')
    return NULL;

  /* People read "voorbeeldstad.nl/schulden", not the scheme. */
  text = channel->value;
  if (g_str_has_prefix (text, "https://"))
    text += strlen ("https://");
  else if (g_str_has_prefix (text, "http://"))
    text += strlen ("http://");
  else if (g_str_has_prefix (text, "mailto:"))
    text += strlen ("mailto:");
  if (g_str_has_prefix (text, "www."))
    text += strlen ("www.");

  return g_strndup (text, strlen (text) - (g_str_has_suffix (text, "/") ? 1 : 0));
}

char *
baken_channel_dup_short_text (const BakenChannel *channel)
{
  g_return_val_if_fail (channel != NULL, NULL);

  switch (channel->kind)
    {
    case BAKEN_CHANNEL_PHONE:
    case BAKEN_CHANNEL_EMAIL:
    case BAKEN_CHANNEL_WEBSITE:
      if (channel->value != NULL)
        return baken_channel_dup_value_text (channel);
      break;

    case BAKEN_CHANNEL_CHAT:
    case BAKEN_CHANNEL_APPOINTMENT:
    case BAKEN_CHANNEL_WALK_IN:
    default:
      break;
    }

  return g_strdup (baken_channel_kind_get_title (channel->kind));
}

/* The name of the place a walk-in channel is at (or its street), or NULL. */
static const char *
walk_in_place (const BakenService *service,
               const BakenChannel *channel)
{
  for (guint i = 0; channel->location_id != NULL && i < service->locations->len; i++)
    {
      const BakenLocation *location = g_ptr_array_index (service->locations, i);

      if (g_strcmp0 (location->id, channel->location_id) == 0)
        return location->name != NULL ? location->name : location->address;
    }

  return NULL;
}

static GtkWidget *
create_channel_chip (const BakenService *service,
                     const BakenChannel *channel)
{
  g_autofree char *short_text = baken_channel_dup_short_text (channel);
  g_autofree char *text = NULL;
  const char *place;
  GtkWidget *box, *label;

  /* A number or address stays in the order it is dialled, also in Arabic. Two walk-in
   * chips on one card must say where each one is. */
  if (channel->kind == BAKEN_CHANNEL_WALK_IN && (place = walk_in_place (service, channel)))
    /* Translators: a chip on a service card: how to reach them, and where, as in
     * "Langskomen: Stadhuis" */
    text = g_strdup_printf (_("%1$s: %2$s"), short_text, place);
  else if (g_strcmp0 (short_text, baken_channel_kind_get_title (channel->kind)) == 0)
    text = g_steal_pointer (&short_text);
  else
    text = baken_bidi_dup_value (short_text);

  box = baken_line_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_add_css_class (box, "channel-chip");
  baken_line_append (BAKEN_LINE (box),
                     baken_icon_new (baken_channel_kind_get_icon_name (channel->kind), 36));

  label = gtk_label_new (text);
  baken_wrap_break_anywhere (GTK_LABEL (label));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  baken_line_append (BAKEN_LINE (box), label);

  return box;
}

static void
set_optional (GtkLabel   *label,
              const char *text)
{
  g_autofree char *shown = baken_bidi_dup_text (text);

  gtk_label_set_label (label, shown != NULL ? shown : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static void
baken_service_card_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BAKEN_TYPE_SERVICE_CARD);

  G_OBJECT_CLASS (baken_service_card_parent_class)->dispose (object);
}

static void
baken_service_card_class_init (BakenServiceCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = baken_service_card_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/baken/Kiosk/ui/baken-service-card.ui");
  gtk_widget_class_bind_template_child (widget_class, BakenServiceCard, organization);
  gtk_widget_class_bind_template_child (widget_class, BakenServiceCard, name);
  gtk_widget_class_bind_template_child (widget_class, BakenServiceCard, summary);
  gtk_widget_class_bind_template_child (widget_class, BakenServiceCard, note);
  gtk_widget_class_bind_template_child (widget_class, BakenServiceCard, badge_slot);
  gtk_widget_class_bind_template_child (widget_class, BakenServiceCard, channels);
}

static void
baken_service_card_init (BakenServiceCard *self)
{
  g_type_ensure (BAKEN_TYPE_FLOW);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
baken_service_card_new (const BakenService *service,
                        BakenClock         *clock,
                        BakenHolidayFlags   holidays)
{
  g_autofree char *accessible = NULL;
  BakenServiceCard *self;
  guint n_channels = 0;

  g_return_val_if_fail (service != NULL, NULL);
  g_return_val_if_fail (BAKEN_IS_CLOCK (clock), NULL);

  self = g_object_new (BAKEN_TYPE_SERVICE_CARD,
                       "action-name", "kiosk.open-service",
                       "action-target", g_variant_new_string (service->id),
                       NULL);

  gtk_label_set_label (self->organization, service->organization_name);
  gtk_label_set_label (self->name, service->name);
  if (service->dutch & BAKEN_SERVICE_DUTCH_ORGANIZATION)
    baken_controls_set_language (GTK_WIDGET (self->organization), "nl");
  if (service->dutch & BAKEN_SERVICE_DUTCH_NAME)
    baken_controls_set_language (GTK_WIDGET (self->name), "nl");
  set_optional (self->summary, service->summary);
  set_optional (self->note, service->note);
  adw_bin_set_child (self->badge_slot,
                     baken_open_badge_new_row (service->hours, clock, holidays));

  for (guint i = 0; i < service->channels->len; i++)
    {
      const BakenChannel *channel = g_ptr_array_index (service->channels, i);
      GtkWidget *chip;

      /* Residents' screens ask the catalog for public channels only; this is the
       * second lock on the same door. */
      if (channel->is_staff)
        continue;

      chip = create_channel_chip (service, channel);
      baken_flow_append (self->channels, chip);
      n_channels++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->channels), n_channels > 0);

  /* Translators: what a screen reader says for a service card: "Hulp bij schulden,
   * Schuldhulp Voorbeeldstad" */
  accessible = g_strdup_printf (_("%s, %s"), service->name, service->organization_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  if (service->summary != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, service->summary,
                                    -1);

  return GTK_WIDGET (self);
}
