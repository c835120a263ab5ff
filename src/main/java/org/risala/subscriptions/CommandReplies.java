package org.risala.subscriptions;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.risala.inbound.spi.Language;

/** What the subscription commands answer, in English and Arabic. */
final class CommandReplies {

    static final String HELP_EN = "VIO 12345AB - alerts by SMS; STOP ALL, MY";
    static final String HELP_AR = "مخالفات 12345AB - تنبيهات بالرسائل؛ الغاء الكل، اشتراكاتي";

    private final Topics topics;
    private final long minutes;

    CommandReplies(Topics topics, Duration confirmWithin) {
        this.topics = topics;
        this.minutes = confirmWithin.toMinutes();
    }

    String price(Topic t, String key, Language language) {
        boolean monthly = t.plan() == PricePlan.MONTHLY;
        return language == Language.AR
                ? "تنبيهات " + t.about().ar() + " على " + key + " بتكلفة " + Topics.fee(t) + " ريال عماني "
                        + (monthly ? "شهريا" : "لكل تنبيه") + ". أرسل نعم خلال " + minutes + " دقائق للاشتراك."
                : "Alerts for " + t.about().en() + " on " + key + " cost " + Topics.fee(t) + " OMR per "
                        + (monthly ? "month" : "alert") + ". Reply YES within " + minutes
                        + " minutes to subscribe.";
    }

    String subscribed(Topic t, String key, Language language) {
        return language == Language.AR
                ? "تم اشتراكك في تنبيهات " + t.about().ar() + " على " + key + ". للإلغاء أرسل الغاء " + t.alias()
                        + " " + key
                : "You are subscribed to alerts for " + t.about().en() + " on " + key + ". To stop, send STOP "
                        + t.keyword() + " " + key;
    }

    String alreadyActive(Topic t, String key, Language language) {
        return language == Language.AR
                ? "أنت مشترك بالفعل في تنبيهات " + t.about().ar() + " على " + key + "."
                : "You are already subscribed to alerts for " + t.about().en() + " on " + key + ".";
    }

    String nothingToConfirm(Language language) {
        return language == Language.AR
                ? "لا يوجد اشتراك بانتظار التأكيد. أرسل " + example(language) + " للاشتراك."
                : "You have no subscription waiting for YES. Send " + example(language) + " to subscribe.";
    }

    String usage(Language language) {
        String names = topics.all().stream().map(t -> language == Language.AR ? t.alias() : t.keyword())
                .collect(Collectors.joining(language == Language.AR ? "، " : ", "));
        return language == Language.AR
                ? "للاشتراك أرسل اشتراك ثم الموضوع (" + names + ") ورقم السجل، مثل: " + example(language)
                : "To subscribe, send SUB, the topic (" + names + ") and your record, e.g. " + example(language);
    }

    String stopped(Topic t, String key, Language language) {
        String what = key == null ? "" : " " + key;
        return language == Language.AR
                ? "تم إيقاف تنبيهات " + t.about().ar() + (key == null ? "" : " على" + what) + "."
                : "Your alerts for " + t.about().en() + (key == null ? "" : " on" + what) + " are stopped.";
    }

    String nothingToStop(Language language) {
        return language == Language.AR
                ? "لا توجد لديك هذه التنبيهات. أرسل اشتراكاتي لعرض اشتراكاتك."
                : "You have no such alerts. Send MY to see yours.";
    }

    String stoppedEverything(Language language) {
        return language == Language.AR
                ? "تم إيقاف جميع تنبيهاتك ولن تصلك تنبيهات أخرى. أرسل اشتراك للاشتراك من جديد."
                : "All your alerts are stopped and you will get no more. Send SUB to subscribe again.";
    }

    String list(List<Subscription> active, Language language) {
        if (active.isEmpty()) {
            return language == Language.AR
                    ? "ليس لديك اشتراكات. أرسل " + example(language) + " للاشتراك."
                    : "You have no alerts. Send " + example(language) + " to subscribe.";
        }
        String list = active.stream().map(s -> topics.named(s.topic())
                        .map(t -> language == Language.AR ? t.alias() : t.keyword()).orElse(s.topic()) + " " + s.key())
                .collect(Collectors.joining(language == Language.AR ? "، " : ", "));
        return (language == Language.AR ? "اشتراكاتك: " : "Your alerts: ") + list + ".";
    }

    /** SUB and the first topic with a key of its kind */
    private String example(Language language) {
        Topic first = topics.all().get(0);
        return (language == Language.AR ? "اشتراك " + first.alias() : "SUB " + first.keyword()) + " "
                + switch (first.key()) {
                    case PLATE -> "12345AB";
                    case PASSPORT -> "A1234567";
                    case VISA_APPLICATION -> "V2026000123";
                    case CIVIL_ID, DIGITS -> "10234567";
                    case UPPER, NONE -> "123";
                };
    }
}
