/* baken-slip.c: the referral slip model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-slip"

#include "config.h"

#include "baken-slip.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "baken-bidi-text.h"
#include "baken-geo.h"
#include "baken-service-facts.h"

G_DEFINE_BOXED_TYPE (BakenSlip, baken_slip, baken_slip_ref, baken_slip_unref)

static void
slip_day_free (BakenSlipDay *day)
{
  g_free (day->day);
  g_free (day->hours);
  g_free (day);
}

static void
slip_channel_free (BakenSlipChannel *channel)
{
  g_free (channel->title);
  g_free (channel->value);
  g_free (channel->label);
  g_free (channel->cost_note);
  g_free (channel->hours_note);
  g_ptr_array_unref (channel->days);
  g_free (channel);
}

static void
slip_address_free (BakenSlipAddress *address)
{
  g_free (address->name);
  g_free (address->street);
  g_free (address->city);
  g_free (address->walk);
  g_free (address->cost_note);
  g_free (address->hours_note);
  g_free (address->accessibility);
  g_ptr_array_unref (address->days);
  g_free (address);
}

/* NULL for NULL or text that is only white space; otherwise a stripped copy. */
static char *
dup_text (const char *text)
{
  g_autofree char *copy = NULL;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    return NULL;

  return g_steal_pointer (&copy);
}

/* A content text as dup_text (), marked when it is the Dutch fallback of a text the
 * content lacks in the slip's language: "Hulp bij schulden (Felemenkçe)". On a slip
 * that runs right to left the Dutch is isolated, so it reads left to right and the
 * mark stays at its end. */
static char *
dup_content (const BakenSlip *self,
             const char      *text,
             gboolean         is_dutch)
{
  g_autofree char *copy = dup_text (text);
  g_autofree char *isolated = NULL;

  if (copy == NULL || !is_dutch || self->dutch_mark == NULL)
    return g_steal_pointer (&copy);

  if (!self->rtl)
    return g_strdup_printf ("%s %s", copy, self->dutch_mark);

  isolated = baken_bidi_isolate_text (copy);
  return g_strdup_printf ("%s %s", isolated, self->dutch_mark);
}

static const char *
weekday_name (GDateWeekday weekday)
{
  static const char * const names[] = {
    /* Translators: a weekday in a date on a printed slip ("dinsdag 23 december 2025");
     * write it as your language does in a date (Turkish: "Salı"); the slip capitalises
     * the first letter of a line */
    NC_("weekday in a date", "maandag"), NC_("weekday in a date", "dinsdag"),
    NC_("weekday in a date", "woensdag"), NC_("weekday in a date", "donderdag"),
    NC_("weekday in a date", "vrijdag"), NC_("weekday in a date", "zaterdag"),
    NC_("weekday in a date", "zondag"),
  };

  g_assert (weekday >= G_DATE_MONDAY && weekday <= G_DATE_SUNDAY);
  return g_dpgettext2 (GETTEXT_PACKAGE, "weekday in a date", names[weekday - 1]);
}

static const char *
month_name (GDateMonth month)
{
  static const char * const names[] = {
    /* Translators: a month on a printed slip */
    N_("januari"), N_("februari"), N_("maart"), N_("april"), N_("mei"), N_("juni"),
    N_("juli"), N_("augustus"), N_("september"), N_("oktober"), N_("november"),
    N_("december"),
  };

  g_assert (month >= G_DATE_JANUARY && month <= G_DATE_DECEMBER);
  return _(names[month - 1]);
}

/* The first letter as a capital; Turkish and Azerbaijani write i as İ. */
static char *
capitalise (const char *text,
            const char *lang)
{
  gunichar first = g_utf8_get_char (text);
  const char *rest = g_utf8_next_char (text);
  char buf[8] = { 0, };

  if (first == 'i' && (g_str_has_prefix (lang, "tr") || g_str_has_prefix (lang, "az")))
    first = 0x0130;
  else
    first = g_unichar_totitle (first);
  g_unichar_to_utf8 (first, buf);
  return g_strconcat (buf, rest, NULL);
}

/* "dinsdag 6 januari": a slip is read days later, so never "today" without a date. */
static char *
format_day (GDate      *date,
            const char *lang)
{
  /* Translators: a day on a printed slip: weekday, day of the month, month,
   * as in "dinsdag 6 januari" */
  g_autofree char *text = g_strdup_printf (_("%1$s %2$d %3$s"),
                                           weekday_name (g_date_get_weekday (date)),
                                           g_date_get_day (date),
                                           month_name (g_date_get_month (date)));

  return capitalise (text, lang);
}

static char *
format_hours (BakenSchedule     *schedule,
              GDate             *date,
              BakenHolidayFlags  holidays,
              gboolean          *is_open)
{
  BakenHoliday holiday = BAKEN_HOLIDAY_NONE;
  g_autoptr(GArray) ranges = baken_schedule_get_day (schedule, date, holidays, &holiday);

  *is_open = ranges->len > 0;
  if (ranges->len == 0 && holiday != BAKEN_HOLIDAY_NONE)
    /* Translators: closed on a public holiday: "Gesloten (Tweede Paasdag)" */
    return g_strdup_printf (_("Gesloten (%s)"), baken_holiday_name (holiday));

  return baken_ranges_format (ranges);
}

/* The hours of the coming BAKEN_SLIP_DAYS days, or an empty array and *note when the
 * hours are unknown (never printed as open). */
static GPtrArray *
format_days (BakenSchedule      *schedule,
             GDate              *today,
             BakenHolidayFlags   holidays,
             const char         *lang,
             char              **note)
{
  GPtrArray *days = g_ptr_array_new_with_free_func ((GDestroyNotify) slip_day_free);

  *note = NULL;
  if (schedule == NULL || baken_schedule_is_unknown (schedule))
    {
      /* Translators: on a printed slip, for a phone line or address without known hours */
      *note = g_strdup (_("Openingstijden onbekend"));
      return days;
    }

  for (guint i = 0; i < BAKEN_SLIP_DAYS; i++)
    {
      BakenSlipDay *day = g_new0 (BakenSlipDay, 1);
      GDate date = *today;

      g_date_add_days (&date, i);
      day->day = format_day (&date, lang);
      day->hours = format_hours (schedule, &date, holidays, &day->is_open);
      g_ptr_array_add (days, day);
    }

  return days;
}

static const BakenLocation *
find_location (const BakenService *service,
               const char         *id)
{
  for (guint i = 0; id != NULL && i < service->locations->len; i++)
    {
      const BakenLocation *location = g_ptr_array_index (service->locations, i);

      if (g_strcmp0 (location->id, id) == 0)
        return location;
    }

  return NULL;
}

static BakenSlipAddress *
address_new (const BakenSlip       *self,
             const BakenService    *service,
             const BakenLocation   *location,
             const BakenSlipPlace  *place,
             GDate                 *today)
{
  BakenSlipAddress *address = g_new0 (BakenSlipAddress, 1);
  g_autofree char *postal_code = dup_text (location->postal_code);
  g_autofree char *city = dup_text (location->city);

  address->name = dup_content (self, location->name,
                               location->dutch & BAKEN_LOCATION_DUTCH_NAME);
  address->street = dup_text (location->address);
  if (postal_code != NULL && city != NULL)
    address->city = g_strdup_printf ("%s %s", postal_code, city);
  else
    address->city = g_strdup (city != NULL ? city : postal_code);
  address->accessibility = dup_content (self, location->accessibility,
                                        location->dutch & BAKEN_LOCATION_DUTCH_ACCESSIBILITY);

  if (place->has_location && location->has_position)
    address->walk = baken_geo_format_walk (baken_geo_distance_m (place->latitude,
                                                                 place->longitude,
                                                                 location->latitude,
                                                                 location->longitude));

  for (guint i = 0; i < service->channels->len; i++)
    {
      const BakenChannel *channel = g_ptr_array_index (service->channels, i);

      if (channel->kind == BAKEN_CHANNEL_WALK_IN && !channel->is_staff &&
          g_strcmp0 (channel->location_id, location->id) == 0 && channel->cost_note != NULL)
        {
          address->cost_note = dup_content (self, channel->cost_note,
                                            channel->dutch & BAKEN_CHANNEL_DUTCH_COST_NOTE);
          break;
        }
    }

  address->days = format_days (location->hours, today, place->holidays, self->lang,
                               &address->hours_note);

  return address;
}

static BakenSlipChannel *
channel_new (const BakenSlip       *self,
             const BakenChannel    *source,
             const BakenSlipPlace  *place,
             GDate                 *today)
{
  BakenSlipChannel *channel = g_new0 (BakenSlipChannel, 1);

  channel->kind = source->kind;
  channel->title = g_strdup (baken_channel_kind_get_title (source->kind));
  channel->value = dup_text (source->value);
  channel->label = dup_content (self, source->label, source->dutch & BAKEN_CHANNEL_DUTCH_LABEL);
  channel->cost_note = dup_content (self, source->cost_note,
                                    source->dutch & BAKEN_CHANNEL_DUTCH_COST_NOTE);
  channel->days = format_days (source->hours, today, place->holidays, self->lang,
                               &channel->hours_note);

  /* A website or e-mail address is there at any hour: "unknown" would only confuse. */
  if (channel->days->len == 0 &&
      (source->kind == BAKEN_CHANNEL_WEBSITE || source->kind == BAKEN_CHANNEL_EMAIL))
    g_clear_pointer (&channel->hours_note, g_free);

  return channel;
}

/* The service's own web page, else its first public website channel. */
static char *
find_qr_url (const BakenService *service)
{
  if (service->url != NULL && *service->url != '\0')
    return g_strdup (service->url);

  for (guint i = 0; i < service->channels->len; i++)
    {
      const BakenChannel *channel = g_ptr_array_index (service->channels, i);

      if (channel->kind == BAKEN_CHANNEL_WEBSITE && !channel->is_staff &&
          channel->value != NULL && *channel->value != '\0')
        return g_strdup (channel->value);
    }

  return NULL;
}

char *
baken_slip_reference (const char *service_id,
                      const char *kiosk_name,
                      GDateTime  *now)
{
  /* Crockford's base32: no I, L, O, U, so a code read aloud or retyped stays right. */
  static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *minute = NULL;
  guint8 digest[32];
  gsize digest_len = sizeof digest;
  guint32 bits;
  char *code;

  g_return_val_if_fail (service_id != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  utc = g_date_time_to_utc (now);
  minute = g_date_time_format (utc, "%Y-%m-%dT%H:%M");
  g_checksum_update (checksum, (const guchar *) service_id, -1);
  g_checksum_update (checksum, (const guchar *) "\n", 1);
  g_checksum_update (checksum, (const guchar *) (kiosk_name != NULL ? kiosk_name : ""), -1);
  g_checksum_update (checksum, (const guchar *) "\n", 1);
  g_checksum_update (checksum, (const guchar *) minute, -1);
  g_checksum_get_digest (checksum, digest, &digest_len);

  bits = ((guint32) digest[0] << 24 | (guint32) digest[1] << 16 |
          (guint32) digest[2] << 8 | digest[3]) >> 2;
  code = g_new0 (char, BAKEN_SLIP_REFERENCE_LENGTH + 1);
  for (int i = BAKEN_SLIP_REFERENCE_LENGTH - 1; i >= 0; i--)
    {
      code[i] = alphabet[bits & 0x1f];
      bits >>= 5;
    }

  return code;
}

BakenSlip *
baken_slip_new (const BakenService   *service,
                const BakenLifeEvent *event,
                const BakenSlipPlace *place,
                GDateTime            *now,
                const char           *content_serial,
                const char           *lang)
{
  g_autoptr(BakenSlip) self = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GPtrArray) addresses = NULL;
  g_autoptr(GStrvBuilder) bring = g_strv_builder_new ();
  g_autofree char *fees = NULL;
  g_autofree char *wait_time = NULL;
  g_autofree char *time_text = NULL;
  g_autofree char *weekday = NULL;
  int year, month, day;
  GDate today;

  g_return_val_if_fail (service != NULL, NULL);
  g_return_val_if_fail (place != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (lang != NULL, NULL);

  self = g_new0 (BakenSlip, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->lang = g_strdup (lang);
  self->service_id = g_strdup (service->id);
  self->rtl = baken_bidi_language_is_rtl (lang);
  if (strcmp (lang, "nl") != 0)
    /* Translators: on a printed slip, after a text of the organisation that is only
     * available in Dutch: "Hulp bij schulden (Nederlands)", in the slip's language:
     * "(in Dutch)", "(Felemenkçe)" */
    self->dutch_mark = g_strdup (_("(Nederlands)"));

  local = g_date_time_to_timezone (now, baken_local_timezone ());
  g_date_time_get_ymd (local, &year, &month, &day);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, day, month, year);

  /* Title and body */
  self->life_event = event != NULL ? dup_content (self, event->title,
                                                  event->dutch & BAKEN_LIFE_EVENT_DUTCH_TITLE)
                                    : NULL;
  self->organization = dup_content (self, service->organization_name,
                                    service->dutch & BAKEN_SERVICE_DUTCH_ORGANIZATION);
  self->service = dup_content (self, service->name, service->dutch & BAKEN_SERVICE_DUTCH_NAME);
  self->help = dup_content (self, service->description,
                            service->dutch & BAKEN_SERVICE_DUTCH_DESCRIPTION);
  self->what_to_expect = dup_content (self, service->what_to_expect,
                                      service->dutch & BAKEN_SERVICE_DUTCH_WHAT_TO_EXPECT);
  self->cost = dup_content (self, service->cost, service->dutch & BAKEN_SERVICE_DUTCH_COST);
  self->alert = dup_content (self, service->alert, service->dutch & BAKEN_SERVICE_DUTCH_ALERT);
  fees = dup_content (self, service->fees, service->dutch & BAKEN_SERVICE_DUTCH_FEES);
  wait_time = dup_content (self, service->wait_time,
                           service->dutch & BAKEN_SERVICE_DUTCH_WAIT_TIME);
  self->facts = baken_service_facts_of (service->minimum_age, service->maximum_age, fees,
                                        wait_time);
  for (guint i = 0; service->what_to_bring != NULL && service->what_to_bring[i] != NULL; i++)
    {
      g_autofree char *item = dup_content (self, service->what_to_bring[i],
                                           baken_service_bring_is_dutch (service, i));

      if (item != NULL)
        g_strv_builder_add (bring, item);
    }
  self->what_to_bring = g_strv_builder_end (bring);

  /* Walk-in addresses, then every public channel. A walk-in channel whose location is
   * printed as an address is not repeated in the channel list. */
  self->addresses = g_ptr_array_new_with_free_func ((GDestroyNotify) slip_address_free);
  for (guint i = 0; i < service->locations->len; i++)
    g_ptr_array_add (self->addresses,
                     address_new (self, service, g_ptr_array_index (service->locations, i),
                                  place, &today));

  self->channels = g_ptr_array_new_with_free_func ((GDestroyNotify) slip_channel_free);
  for (guint i = 0; i < service->channels->len; i++)
    {
      const BakenChannel *channel = g_ptr_array_index (service->channels, i);

      /* Backoffice numbers are for professionals: never on a resident's slip, also
       * when staff print it at the desk. */
      if (channel->is_staff)
        continue;
      if (channel->kind == BAKEN_CHANNEL_WALK_IN &&
          find_location (service, channel->location_id) != NULL)
        continue;
      g_ptr_array_add (self->channels, channel_new (self, channel, place, &today));
    }

  self->qr_url = find_qr_url (service);

  /* Footer */
  weekday = g_strdup (weekday_name (g_date_get_weekday (&today)));
  /* Translators: the date printed on a slip: "6 januari 2026" */
  self->date = g_strdup_printf (_("%1$d %2$s %3$d"), day, month_name (month), year);
  time_text = g_strdup_printf ("%d:%02d", g_date_time_get_hour (local),
                               g_date_time_get_minute (local));
  /* Translators: when the slip was printed: "Geprint op dinsdag 6 januari 2026 om 14:05" */
  self->printed_at = g_strdup_printf (_("Geprint op %1$s %2$s om %3$s"),
                                      weekday, self->date, time_text);
  self->kiosk_name = dup_text (place->name);
  self->content_serial = dup_text (content_serial);
  self->reference = baken_slip_reference (service->id, place->name, now);

  /* Translators: heading on a printed slip, above what the service helps with */
  self->heading_help = g_strdup (_("Hier helpen ze u mee"));
  /* Translators: heading on a printed slip */
  self->heading_expect = g_strdup (_("Wat kunt u verwachten?"));
  /* The same headings as on the service screen, so the slip reads as the screen did. */
  /* Translators: heading on the service screen and the printed slip, above a tick list
   * of documents */
  self->heading_bring = g_strdup (_("Wat neemt u mee?"));
  /* Translators: heading on the service screen and the printed slip, above phone
   * numbers, chat, e-mail */
  self->heading_contact = g_strdup (_("Zo bereikt u ze"));
  /* Translators: heading on the service screen and the printed slip, above the walk-in
   * address and hours */
  self->heading_visit = g_strdup (_("Hier kunt u langskomen"));
  /* Translators: heading on the service screen and the printed slip */
  self->heading_cost = g_strdup (_("Wat kost het?"));
  /* Translators: heading on a printed slip, above a note typed by desk staff */
  self->heading_note = g_strdup (_("Notitie van de balie"));
  /* Translators: under the QR code on a printed slip */
  self->qr_caption = g_strdup (_("Scan de code met uw telefoon voor de website."));
  if (self->kiosk_name != NULL)
    /* Translators: footer of a printed slip; %s is the kiosk's name */
    self->footer_kiosk = g_strdup_printf (_("Geprint bij %s"), self->kiosk_name);
  if (self->content_serial != NULL)
    /* Translators: footer of a printed slip; %s is the content version number */
    self->footer_serial = g_strdup_printf (_("Informatie versie %s"), self->content_serial);
  /* Translators: footer of a printed slip; %s is a 6-letter code without meaning to
   * the resident, which desk staff can ask for */
  self->footer_reference = g_strdup_printf (_("Code %s"), self->reference);
  /* Translators: footer of a printed slip */
  self->footer_privacy = g_strdup (_("Dit briefje bevat geen persoonlijke gegevens."));

  return g_steal_pointer (&self);
}

BakenSlip *
baken_slip_ref (BakenSlip *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
baken_slip_unref (BakenSlip *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->lang);
  g_free (self->service_id);
  g_free (self->dutch_mark);
  g_free (self->life_event);
  g_free (self->organization);
  g_free (self->service);
  g_clear_pointer (&self->icon, g_bytes_unref);
  g_free (self->help);
  g_free (self->what_to_expect);
  g_free (self->cost);
  g_free (self->alert);
  g_strfreev (self->what_to_bring);
  g_strfreev (self->facts);
  g_clear_pointer (&self->channels, g_ptr_array_unref);
  g_clear_pointer (&self->addresses, g_ptr_array_unref);
  g_free (self->qr_url);
  g_free (self->note);
  g_free (self->printed_at);
  g_free (self->date);
  g_free (self->kiosk_name);
  g_free (self->content_serial);
  g_free (self->reference);
  g_free (self->heading_help);
  g_free (self->heading_expect);
  g_free (self->heading_bring);
  g_free (self->heading_contact);
  g_free (self->heading_visit);
  g_free (self->heading_cost);
  g_free (self->heading_note);
  g_free (self->qr_caption);
  g_free (self->footer_kiosk);
  g_free (self->footer_serial);
  g_free (self->footer_reference);
  g_free (self->footer_privacy);
  g_free (self);
}

void
baken_slip_set_icon (BakenSlip *self,
                     GBytes    *svg)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->icon, g_bytes_unref);
  if (svg != NULL)
    self->icon = g_bytes_ref (svg);
}

void
baken_slip_set_note (BakenSlip  *self,
                     const char *note)
{
  g_return_if_fail (self != NULL);

  g_free (self->note);
  self->note = dup_text (note);
}

void
baken_slip_set_handover (BakenSlip  *self,
                         const char *note)
{
  g_autofree char *stripped = g_strstrip (g_strdup (note != NULL ? note : ""));

  g_return_if_fail (self != NULL);

  g_free (self->heading_note);
  if (self->kiosk_name != NULL)
    /* Translators: heading of the handover box on a slip printed by desk staff:
     * "Doorverwezen door Bibliotheek Voorbeeldstad op 6-12-2026" */
    self->heading_note = g_strdup_printf (_("Doorverwezen door %s op %s"), self->kiosk_name,
                                          self->date);
  else
    /* Translators: as "Doorverwezen door %s op %s", without the desk's name */
    self->heading_note = g_strdup_printf (_("Doorverwezen op %s"), self->date);

  g_free (self->note);
  self->note = *stripped != '\0'
               ? dup_text (stripped)
               /* Translators: on a handover slip when the clerk typed no note */
               : g_strdup (_("De medewerker heeft u doorverwezen naar deze hulp."));
}
