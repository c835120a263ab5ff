package org.risala.sms;

import java.util.Locale;
import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.RegionMetadataSource;

import org.risala.sms.InvalidMsisdnException.Reason;

/**
 * Turns what people type into an {@link Msisdn} that can receive SMS, or says why not.
 * <p>
 * Accepted forms, for the default region OM: {@code +96891234567}, {@code 0096891234567}, {@code 96891234567} and
 * {@code 91234567}, in any Unicode decimal digits (Arabic-Indic, Persian, ...), with spaces, dashes, parentheses,
 * dots and invisible formatting marks (RLM/LRM/ALM, which right-to-left forms insert) between them.
 * <p>
 * Anything else is rejected rather than repaired: a guessed correction would send a police message to a stranger.
 * In particular letters are refused, even though libphonenumber would read them as a keypad vanity number, and
 * {@code 0091234567} is refused because {@code 00} is Oman's international prefix and the rest is not a valid
 * Indian number.
 * <p>
 * Thread-safe; create one per policy and share it.
 */
public final class MsisdnParser {

    private static final PhoneNumberUtil PHONE_NUMBERS = PhoneNumberUtil.getInstance();
    /** the metadata PhoneNumberUtil reads, for what it does not make public: a region's national prefix for parsing */
    private static final RegionMetadataSource METADATA =
            DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
    /** what libphonenumber answers for a country calling code it does not know */
    private static final String UNKNOWN_REGION = "ZZ";
    /** the region of a non-geographic calling code such as +800 */
    private static final String NON_GEOGRAPHIC = "001";

    /** long enough to recognise the input in an error message, short enough not to echo a pasted document */
    private static final int MAX_ECHO = 40;

    private final String defaultRegion;
    private final boolean allowInternational;
    private final String exampleMobile;

    /**
     * @param defaultRegion      ISO 3166 region for numbers typed without a country code, e.g. "OM"
     * @param allowInternational whether mobiles of other countries are accepted
     */
    public MsisdnParser(String defaultRegion, boolean allowInternational) {
        if (defaultRegion == null || !PHONE_NUMBERS.getSupportedRegions().contains(defaultRegion)) {
            throw new IllegalArgumentException("unknown region: " + defaultRegion);
        }
        this.defaultRegion = defaultRegion;
        this.allowInternational = allowInternational;
        PhoneNumber example = PHONE_NUMBERS.getExampleNumberForType(defaultRegion, PhoneNumberType.MOBILE);
        this.exampleMobile = example == null ? null : PHONE_NUMBERS.format(example, PhoneNumberFormat.INTERNATIONAL);
    }

    /** @throws InvalidMsisdnException when the input is not a number that can receive SMS under this policy */
    public Msisdn parse(String raw) {
        String dialled = dialledCharacters(raw);
        PhoneNumber number = international(dialled);
        if (number == null) {
            try {
                number = PHONE_NUMBERS.parse(dialled, defaultRegion);
            } catch (NumberParseException e) {
                throw invalid(raw);
            }
        }
        // a number of no known type is not a valid one: the same test isValidNumber makes, done once (every message
        // of a fan-out to 100,000 subscribers comes through here)
        PhoneNumberType type = PHONE_NUMBERS.getNumberType(number);
        if (type == PhoneNumberType.UNKNOWN) {
            throw invalid(raw);
        }
        String region = PHONE_NUMBERS.getRegionCodeForNumber(number);
        if (!allowInternational && !defaultRegion.equals(region)) {
            throw new InvalidMsisdnException(Reason.FOREIGN, echo(raw) + " is a foreign number (" + countryName(region)
                    + "); only numbers in " + countryName(defaultRegion) + " can receive SMS from this service");
        }
        if (type != PhoneNumberType.MOBILE && type != PhoneNumberType.FIXED_LINE_OR_MOBILE) {
            throw new InvalidMsisdnException(Reason.NOT_MOBILE,
                    echo(raw) + " is " + describe(type) + "; SMS can only be sent to mobile numbers");
        }
        return new Msisdn(PHONE_NUMBERS.format(number, PhoneNumberFormat.E164));
    }

    /**
     * The number {@code parse} would make of {@code +<country code><national number>}, without its general-purpose
     * scanning (extensions, RFC 3966, national prefixes) that costs most of a parse: stored numbers come in this form,
     * and a fan-out parses 100,000 of them (3 µs each instead of 12). Null when the input needs the full parse: not in
     * this form, a national number starting with 0 (kept as a leading zero), a non-geographic code, or a country with
     * a national prefix that parse would strip.
     */
    static PhoneNumber international(String dialled) {
        if (dialled.length() < 4 || dialled.charAt(0) != '+' || dialled.charAt(1) == '0') {
            return null;
        }
        // country calling codes are prefix-free, 1 to 3 digits: the first that is one is the number's
        for (int end = 2; end <= 4; end++) {
            int countryCode = Integer.parseInt(dialled, 1, end, 10);
            String region = PHONE_NUMBERS.getRegionCodeForCountryCode(countryCode);
            if (UNKNOWN_REGION.equals(region)) {
                continue;
            }
            if (NON_GEOGRAPHIC.equals(region)) {
                return null;
            }
            String national = dialled.substring(end);
            PhoneMetadata metadata = METADATA.getMetadataForRegion(region);
            if (national.length() < 2 || national.length() > 17 || national.charAt(0) == '0' || metadata == null
                    || !metadata.getNationalPrefixForParsing().isEmpty()) {
                return null;
            }
            return new PhoneNumber().setCountryCode(countryCode).setNationalNumber(Long.parseLong(national));
        }
        return null;
    }

    /** Like {@link #parse(String)}, for callers that only need to know whether the input is usable. */
    public Optional<Msisdn> tryParse(String raw) {
        try {
            return Optional.of(parse(raw));
        } catch (InvalidMsisdnException e) {
            return Optional.empty();
        }
    }

    /**
     * The '+' and ASCII digits of the input, after checking that everything else is harmless punctuation. Doing this
     * ourselves, instead of leaving it to libphonenumber, is what keeps letters and stray symbols from being accepted.
     */
    private String dialledCharacters(String raw) {
        if (raw == null) {
            throw empty();
        }
        StringBuilder dialled = new StringBuilder();
        boolean sawDigit = false;
        boolean sawAnything = false;
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            if (isInvisibleOrSpace(cp)) {
                continue;
            }
            sawAnything = true;
            if (Character.isDigit(cp)) {
                dialled.append((char) ('0' + Character.digit(cp, 10)));
                sawDigit = true;
            } else if (cp == '+' && dialled.isEmpty()) {
                dialled.append('+');
            } else if (!isSeparator(cp)) {
                throw notANumber(raw);
            }
        }
        if (!sawAnything) {
            throw empty();
        }
        if (!sawDigit) {
            throw notANumber(raw);
        }
        return dialled.toString();
    }

    private static boolean isInvisibleOrSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.getType(cp) == Character.FORMAT;
    }

    private static boolean isSeparator(int cp) {
        return cp == '(' || cp == ')' || cp == '.' || Character.getType(cp) == Character.DASH_PUNCTUATION;
    }

    private static InvalidMsisdnException empty() {
        return new InvalidMsisdnException(Reason.EMPTY, "No phone number was given");
    }

    private InvalidMsisdnException notANumber(String raw) {
        return new InvalidMsisdnException(Reason.NOT_A_NUMBER, "\"" + echo(raw) + "\" is not a phone number; "
                + "a phone number has only digits" + exampleSuffix());
    }

    private InvalidMsisdnException invalid(String raw) {
        return new InvalidMsisdnException(Reason.INVALID,
                echo(raw) + " is not a valid phone number; please check the digits" + exampleSuffix());
    }

    private String exampleSuffix() {
        return exampleMobile == null ? "" : " (a mobile number looks like " + exampleMobile + ")";
    }

    private static String describe(PhoneNumberType type) {
        return switch (type) {
            case FIXED_LINE -> "a fixed-line number";
            case PREMIUM_RATE -> "a premium-rate number";
            case TOLL_FREE -> "a toll-free number";
            case SHARED_COST -> "a shared-cost number";
            case VOIP -> "an internet telephony (VoIP) number";
            case PERSONAL_NUMBER -> "a personal (follow-me) number";
            case PAGER -> "a pager number";
            case UAN -> "a company access number";
            case VOICEMAIL -> "a voicemail access number";
            default -> "not a mobile number";
        };
    }

    private static String countryName(String region) {
        return new Locale("", region).getDisplayCountry(Locale.ENGLISH);
    }

    /** The input as typed, without invisible marks, and cut short when it is long. */
    private static String echo(String raw) {
        StringBuilder shown = new StringBuilder();
        raw.strip().codePoints()
                .filter(cp -> Character.getType(cp) != Character.FORMAT && !Character.isISOControl(cp))
                .forEach(shown::appendCodePoint);
        if (shown.codePointCount(0, shown.length()) <= MAX_ECHO) {
            return shown.toString();
        }
        return shown.substring(0, shown.offsetByCodePoints(0, MAX_ECHO)) + "…";
    }
}
