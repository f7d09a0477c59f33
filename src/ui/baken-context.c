/* baken-context.c: what the UI runs on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-context"

#include "config.h"

#include "baken-context.h"

#include "baken-file-printer.h"
#include "baken-printer-loader.h"
#include "baken-state.h"

struct _BakenContext
{
  GObject       parent_instance;

  BakenConfig  *config;   /* (owned) */
  BakenCatalog *catalog;  /* (owned) (nullable) when content is set */
  BakenKioskContent *content;  /* (owned) (nullable) */
  BakenPrinter *printer;  /* (owned) */
  BakenClock   *clock;    /* (owned) */
  BakenState   *state;    /* (owned) (nullable) the state DB: print log, staff PIN lock */
  BakenStaffSession *staff;  /* (owned) (nullable until asked for) */
  GStrv         languages;  /* (owned) (nullable until asked for) what is offered */
  BakenMonitor *monitor;  /* (owned) (nullable) the daily counts */
  char         *printer_state;   /* (owned) for the report: ready, problem or none */
  char         *printer_reason;  /* (owned) (nullable) */
};

G_DEFINE_FINAL_TYPE (BakenContext, baken_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CONFIG,
  PROP_CATALOG,
  PROP_PRINTER,
  PROP_CONTENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
baken_context_dispose (GObject *object)
{
  BakenContext *self = BAKEN_CONTEXT (object);

  g_clear_object (&self->catalog);
  g_clear_object (&self->content);
  g_clear_object (&self->printer);
  g_clear_object (&self->clock);
  g_clear_object (&self->staff);
  g_clear_object (&self->state);
  /* Its dispose writes the counts still in memory. */
  g_clear_object (&self->monitor);

  G_OBJECT_CLASS (baken_context_parent_class)->dispose (object);
}

static void
baken_context_finalize (GObject *object)
{
  BakenContext *self = BAKEN_CONTEXT (object);

  g_clear_pointer (&self->config, baken_config_unref);
  g_strfreev (self->languages);
  g_free (self->printer_state);
  g_free (self->printer_reason);

  G_OBJECT_CLASS (baken_context_parent_class)->finalize (object);
}

static void
baken_context_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BakenContext *self = BAKEN_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_CONFIG:
      g_value_set_boxed (value, baken_context_get_config (self));
      break;

    case PROP_CATALOG:
      g_value_set_object (value, baken_context_get_catalog (self));
      break;

    case PROP_PRINTER:
      g_value_set_object (value, baken_context_get_printer (self));
      break;

    case PROP_CONTENT:
      g_value_set_object (value, baken_context_get_content (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baken_context_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BakenContext *self = BAKEN_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_CONFIG:
      self->config = g_value_dup_boxed (value);
      break;

    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
      break;

    case PROP_PRINTER:
      self->printer = g_value_dup_object (value);
      break;

    case PROP_CONTENT:
      self->content = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baken_context_constructed (GObject *object)
{
  BakenContext *self = BAKEN_CONTEXT (object);
  const char *folder = g_getenv ("BAKEN_PRINT_TO_DIR");

  G_OBJECT_CLASS (baken_context_parent_class)->constructed (object);

  if (self->clock == NULL)
    self->clock = self->content != NULL
                  ? g_object_ref (baken_kiosk_content_get_clock (self->content))
                  : baken_clock_new ();

  if (self->printer != NULL)
    return;

  if (folder != NULL && *folder != '\0')
    self->printer = baken_file_printer_new (folder);
  else
    /* libcups is loaded at the first check or slip, not at every start. */
    self->printer = baken_printer_loader_new_cups (self->config->printer, NULL,
                                                   self->config->print_timeout);
}

static void
baken_context_class_init (BakenContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = baken_context_constructed;
  object_class->dispose = baken_context_dispose;
  object_class->finalize = baken_context_finalize;
  object_class->get_property = baken_context_get_property;
  object_class->set_property = baken_context_set_property;

  properties[PROP_CONFIG] =
    g_param_spec_boxed ("config", NULL, NULL,
                        baken_config_get_type (),
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL,
                         BAKEN_TYPE_CATALOG,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /* NULL: see baken_context_get_printer (). */
  properties[PROP_PRINTER] =
    g_param_spec_object ("printer", NULL, NULL,
                         BAKEN_TYPE_PRINTER,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /* The clock is the content's (the one the kiosk verifies bundles at). */
  properties[PROP_CONTENT] =
    g_param_spec_object ("content", NULL, NULL,
                         BAKEN_TYPE_KIOSK_CONTENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
baken_context_init (BakenContext *self)
{
}

BakenContext *
baken_context_new (BakenConfig  *config,
                   BakenCatalog *catalog)
{
  g_return_val_if_fail (config != NULL, NULL);
  g_return_val_if_fail (BAKEN_IS_CATALOG (catalog), NULL);

  return g_object_new (BAKEN_TYPE_CONTEXT,
                       "config", config,
                       "catalog", catalog,
                       NULL);
}

BakenContext *
baken_context_new_for_content (BakenConfig       *config,
                               BakenKioskContent *content)
{
  BakenContext *self;

  g_return_val_if_fail (config != NULL, NULL);
  g_return_val_if_fail (BAKEN_IS_KIOSK_CONTENT (content), NULL);

  baken_kiosk_content_wait (content);

  self = g_object_new (BAKEN_TYPE_CONTEXT,
                       "config", config,
                       "content", content,
                       NULL);

  return self;
}

/**
 * baken_context_load:
 *
 * The embedded demo bundle is looked up in the GResource, which keeps it in the
 * program's read-only data: it is verified and read in place, nothing is copied.
 */
BakenContext *
baken_context_load (BakenConfig  *config,
                    GError      **error)
{
  g_autoptr(BakenKioskContent) content = NULL;

  g_return_val_if_fail (config != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  content = baken_kiosk_content_new (config, NULL);
  baken_kiosk_content_wait (content);
  if (baken_kiosk_content_get_catalog (content) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "No trusted content: %s", baken_kiosk_content_get_problem (content));
      return NULL;
    }

  return baken_context_new_for_content (config, content);
}

BakenConfig *
baken_context_get_config (BakenContext *self)
{
  g_return_val_if_fail (BAKEN_IS_CONTEXT (self), NULL);

  return self->config;
}

BakenCatalog *
baken_context_get_catalog (BakenContext *self)
{
  g_return_val_if_fail (BAKEN_IS_CONTEXT (self), NULL);

  if (self->content != NULL)
    return baken_kiosk_content_get_catalog (self->content);

  return self->catalog;
}

BakenKioskContent *
baken_context_get_content (BakenContext *self)
{
  g_return_val_if_fail (BAKEN_IS_CONTEXT (self), NULL);

  return self->content;
}

BakenPrinter *
baken_context_get_printer (BakenContext *self)
{
  g_return_val_if_fail (BAKEN_IS_CONTEXT (self), NULL);

  return self->printer;
}

BakenClock *
baken_context_get_clock (BakenContext *self)
{
  g_return_val_if_fail (BAKEN_IS_CONTEXT (self), NULL);

  return self->clock;
}

GDateTime *
baken_context_dup_now (BakenContext *self)
{
  g_return_val_if_fail (BAKEN_IS_CONTEXT (self), NULL);

  return baken_clock_dup_now (self->clock);
}

void
baken_context_set_state (BakenContext *self,
                         BakenState   *state)
{
  g_return_if_fail (BAKEN_IS_CONTEXT (self));
  g_return_if_fail (state == NULL || BAKEN_IS_STATE (state));
  g_return_if_fail (self->staff == NULL);

  g_set_object (&self->state, state);
}

BakenState *
baken_context_get_state (BakenContext *self)
{
  g_return_val_if_fail (BAKEN_IS_CONTEXT (self), NULL);

  return self->state;
}

BakenStaffSession *
baken_context_get_staff (BakenContext *self)
{
  g_return_val_if_fail (BAKEN_IS_CONTEXT (self), NULL);

  if (self->staff == NULL)
    self->staff = baken_staff_session_new (self->config->staff_pin_hash, self->state,
                                           baken_context_get_clock (self));
  return self->staff;
}

BakenAudience
baken_context_get_audience (BakenContext *self)
{
  g_return_val_if_fail (BAKEN_IS_CONTEXT (self), BAKEN_AUDIENCE_PUBLIC);

  return self->staff != NULL && baken_staff_session_get_active (self->staff)
         ? BAKEN_AUDIENCE_STAFF : BAKEN_AUDIENCE_PUBLIC;
}

/* What the report says about the kiosk: its content and printer, as now. */
static void
update_report_status (BakenContext *self)
{
  BakenReportStatus status = { 0 };
  g_auto(BakenInstalled) installed = { 0 };
  BakenSync *sync = self->content != NULL ? baken_kiosk_content_get_sync (self->content) : NULL;
  guint64 serial = self->content != NULL ? baken_kiosk_content_get_serial (self->content) : 0;

  if (self->monitor == NULL)
    return;
  if (sync != NULL)
    baken_sync_get_installed (sync, &installed);
  status.kiosk_name = self->config->name;
  status.content_serial = serial;
  status.content_published = installed.serial == serial ? installed.created : 0;
  status.content_key_id = self->content != NULL
                          ? (char *) baken_kiosk_content_get_key_id (self->content) : NULL;
  switch (self->content != NULL ? baken_kiosk_content_get_origin (self->content)
                                : BAKEN_CONTENT_ORIGIN_GIVEN)
    {
    case BAKEN_CONTENT_ORIGIN_NONE:
      status.content_source = (char *) "none";
      break;
    case BAKEN_CONTENT_ORIGIN_DEMO:
      status.content_source = (char *) "demo";
      break;
    case BAKEN_CONTENT_ORIGIN_GIVEN:
    case BAKEN_CONTENT_ORIGIN_PATH:
    case BAKEN_CONTENT_ORIGIN_SYNC:
    default:
      status.content_source = (char *) "bundle";
      break;
    }
  status.printer_state = self->printer_state != NULL ? self->printer_state : (char *) "none";
  status.printer_reason = self->printer_reason;
  baken_monitor_set_status (self->monitor, &status);
}

void
baken_context_set_monitor (BakenContext *self,
                           BakenMonitor *monitor)
{
  g_return_if_fail (BAKEN_IS_CONTEXT (self));
  g_return_if_fail (monitor == NULL || BAKEN_IS_MONITOR (monitor));

  g_set_object (&self->monitor, monitor);
  update_report_status (self);
  if (self->content != NULL)
    g_signal_connect_object (self->content, "notify::catalog",
                             G_CALLBACK (update_report_status), self, G_CONNECT_SWAPPED);
}

BakenMonitor *
baken_context_get_monitor (BakenContext *self)
{
  g_return_val_if_fail (BAKEN_IS_CONTEXT (self), NULL);

  return self->monitor;
}

void
baken_context_count (BakenContext   *self,
                     BakenCountKind  kind,
                     const char     *key,
                     const char     *detail)
{
  g_return_if_fail (BAKEN_IS_CONTEXT (self));

  if (self->monitor == NULL)
    return;
  if (baken_context_get_audience (self) == BAKEN_AUDIENCE_STAFF &&
      !(kind == BAKEN_COUNT_SLIP && g_strcmp0 (key, "handover") == 0))
    return;
  baken_monitor_count (self->monitor, kind, key, detail);
}

void
baken_context_count_slip_channels (BakenContext *self,
                                   const char   *service_id)
{
  static const char * const kinds[] = {
    [BAKEN_CHANNEL_PHONE] = "phone", [BAKEN_CHANNEL_CHAT] = "chat",
    [BAKEN_CHANNEL_APPOINTMENT] = "appointment", [BAKEN_CHANNEL_WALK_IN] = "walk_in",
    [BAKEN_CHANNEL_EMAIL] = NULL, [BAKEN_CHANNEL_WEBSITE] = "website",
  };
  BakenCatalog *catalog = baken_context_get_catalog (self);
  g_autoptr(BakenService) service = NULL;
  gboolean counted[G_N_ELEMENTS (kinds)] = { FALSE };

  g_return_if_fail (BAKEN_IS_CONTEXT (self));

  if (self->monitor == NULL || catalog == NULL)
    return;
  service = baken_catalog_get_service (catalog, service_id, "nl", BAKEN_AUDIENCE_PUBLIC, NULL);
  for (guint i = 0; service != NULL && i < service->channels->len; i++)
    {
      const BakenChannel *channel = g_ptr_array_index (service->channels, i);

      /* Each kind once per slip. */
      if (channel->is_staff || channel->kind >= G_N_ELEMENTS (kinds) ||
          kinds[channel->kind] == NULL || counted[channel->kind])
        continue;
      counted[channel->kind] = TRUE;
      baken_context_count (self, BAKEN_COUNT_CHANNEL, kinds[channel->kind], NULL);
    }
}

void
baken_context_record_print (BakenContext    *self,
                            BakenPrintState  outcome,
                            gboolean         handover)
{
  g_autoptr(GError) error = NULL;
  const char *paper;

  g_return_if_fail (BAKEN_IS_CONTEXT (self));

  g_free (self->printer_state);
  g_free (self->printer_reason);
  self->printer_state = g_strdup (outcome == BAKEN_PRINT_STATE_OK ? "ready" : "problem");
  self->printer_reason = outcome == BAKEN_PRINT_STATE_OK
                         ? NULL : g_strdup (baken_print_state_to_string (outcome));
  update_report_status (self);
  if (outcome == BAKEN_PRINT_STATE_OK)
    baken_context_count (self, BAKEN_COUNT_SLIP, handover ? "handover" : "resident", NULL);

  switch (self->config->paper)
    {
    case BAKEN_PAPER_A4:
      paper = "a4";
      break;
    case BAKEN_PAPER_A5:
      paper = "a5";
      break;
    case BAKEN_PAPER_RECEIPT_80MM:
    default:
      paper = "receipt-80mm";
      break;
    }
  if (self->state == NULL)
    return;
  if (!baken_state_record_print (self->state, baken_clock_get_unix (self->clock), paper,
                                 baken_print_state_to_string (outcome), handover, &error))
    g_message ("Cannot write the print log: %s", error->message);
}

const char * const *
baken_context_get_languages (BakenContext *self)
{
  g_return_val_if_fail (BAKEN_IS_CONTEXT (self), NULL);

  if (self->languages == NULL)
    {
      BakenCatalog *catalog = baken_context_get_catalog (self);
      g_autoptr(GStrvBuilder) offered = g_strv_builder_new ();

      for (guint i = 0; self->config->languages[i] != NULL; i++)
        {
          const char *lang = self->config->languages[i];
          double coverage = catalog != NULL && i > 0
                            ? baken_catalog_get_language_coverage (catalog, lang) : 1.0;

          /* Dutch always: every text exists in Dutch. */
          if (i == 0 || coverage * 100.0 + 0.001 >= self->config->language_coverage)
            g_strv_builder_add (offered, lang);
          else
            g_message ("Not offering %s: the content has %.0f %% of its life events and "
                       "services in it, [kiosk] language-coverage asks %u %%", lang,
                       coverage * 100.0, self->config->language_coverage);
        }
      self->languages = g_strv_builder_end (offered);
    }
  return (const char * const *) self->languages;
}

const char *
baken_context_get_default_language (BakenContext *self)
{
  const char * const *languages;

  g_return_val_if_fail (BAKEN_IS_CONTEXT (self), NULL);

  languages = baken_context_get_languages (self);

  return languages != NULL && languages[0] != NULL ? languages[0] : "nl";
}
