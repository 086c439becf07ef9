#include <gmime/gmime.h>

/* GMime's type checks and casts are GObject macros, which Swift cannot call; these wrap them. */

static inline gboolean fd_gmime_is_multipart(GMimeObject *object) { return GMIME_IS_MULTIPART(object); }
static inline gboolean fd_gmime_is_multipart_signed(GMimeObject *object) { return GMIME_IS_MULTIPART_SIGNED(object); }
static inline gboolean fd_gmime_is_message_part(GMimeObject *object) { return GMIME_IS_MESSAGE_PART(object); }
static inline gboolean fd_gmime_is_part(GMimeObject *object) { return GMIME_IS_PART(object); }
static inline gboolean fd_gmime_is_text_part(GMimeObject *object) { return GMIME_IS_TEXT_PART(object); }

static inline GMimeMultipart *fd_gmime_multipart(GMimeObject *object) { return GMIME_MULTIPART(object); }
static inline GMimeMessagePart *fd_gmime_message_part(GMimeObject *object) { return GMIME_MESSAGE_PART(object); }
static inline GMimePart *fd_gmime_part(GMimeObject *object) { return GMIME_PART(object); }
static inline GMimeTextPart *fd_gmime_text_part(GMimeObject *object) { return GMIME_TEXT_PART(object); }
static inline GMimeObject *fd_gmime_message_object(GMimeMessage *message) { return GMIME_OBJECT(message); }
static inline GMimeStreamMem *fd_gmime_stream_mem(GMimeStream *stream) { return GMIME_STREAM_MEM(stream); }

static inline gboolean fd_internet_address_is_mailbox(InternetAddress *address) {
    return INTERNET_ADDRESS_IS_MAILBOX(address);
}
static inline gboolean fd_internet_address_is_group(InternetAddress *address) {
    return INTERNET_ADDRESS_IS_GROUP(address);
}
static inline InternetAddressMailbox *fd_internet_address_mailbox(InternetAddress *address) {
    return INTERNET_ADDRESS_MAILBOX(address);
}
static inline InternetAddressGroup *fd_internet_address_group(InternetAddress *address) {
    return INTERNET_ADDRESS_GROUP(address);
}

static inline void fd_g_object_unref(gpointer object) { g_object_unref(object); }
static inline GMimeStreamFilter *fd_gmime_stream_filter(GMimeStream *stream) { return GMIME_STREAM_FILTER(stream); }
