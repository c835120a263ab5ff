package org.risala.subscriptions;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.risala.inbound.spi.Language;

/** What the subscriptions tell citizens, in English and Arabic: the commands' answers and the billing notices. */
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

    /** a MONTHLY subscription renews on the first of next month: what it costs and how to stop it before then */
    String renewalNotice(Topic t, String key, LocalDate renewsOn, Language language) {
        return language == Language.AR
                ? "يتجدد اشتراكك في تنبيهات " + t.about().ar() + " على " + key + " في " + renewsOn + " بتكلفة "
                        + Topics.fee(t) + " ريال عماني. للإلغاء أرسل الغاء " + t.alias() + " " + key
                : "Your alerts for " + t.about().en() + " on " + key + " renew on " + renewsOn + " for "
                        + Topics.fee(t) + " OMR. To stop, send STOP " + t.keyword() + " " + key;
    }

    /** the operator could not collect a charge: the alerts go on until the grace ends */
    String chargeFailed(Topic t, String key, LocalDate graceEnds, Language language) {
        return language == Language.AR
                ? "تعذر تحصيل رسوم تنبيهات " + t.about().ar() + " على " + key + ". ستستمر التنبيهات حتى " + graceEnds
                        + " ثم تتوقف ما لم تُدفع الرسوم."
                : "We could not collect the charge for your alerts for " + t.about().en() + " on " + key
                        + ". They continue until " + graceEnds + ", then stop unless it is paid.";
    }

    /** the grace ended unpaid: the subscription is over, and how to start again */
    String suspended(Topic t, String key, Language language) {
        return language == Language.AR
                ? "تم إيقاف تنبيهات " + t.about().ar() + " على " + key + " لعدم تحصيل الرسوم. للاشتراك من جديد أرسل "
                        + "اشتراك " + t.alias() + " " + key
                : "Your alerts for " + t.about().en() + " on " + key + " are suspended: the charge was not paid. "
                        + "To subscribe again, send SUB " + t.keyword() + " " + key;
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
