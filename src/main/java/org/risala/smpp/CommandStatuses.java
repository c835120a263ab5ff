package org.risala.smpp;

import java.util.Map;

/**
 * What an SMPP command_status means for the message that got it (SMPP 3.4 §5.1.3), and a readable name for
 * failure reasons.
 */
final class CommandStatuses {

    enum StatusClass {
        /** the SMSC wants us to slow down: pause the bind, retry the same message */
        THROTTLED,
        /** a temporary or ambiguous failure: retry later */
        RETRYABLE,
        /** the bind or account is wrong: the message is fine, the link is not */
        SESSION,
        /** this message will never be accepted as it is */
        PERMANENT
    }

    private record Code(String name, String description, StatusClass statusClass) {
    }

    private static final Map<Integer, Code> CODES = Map.ofEntries(
            permanent(0x01, "ESME_RINVMSGLEN", "message length is invalid"),
            permanent(0x02, "ESME_RINVCMDLEN", "command length is invalid"),
            permanent(0x03, "ESME_RINVCMDID", "invalid command id"),
            session(0x04, "ESME_RINVBNDSTS", "incorrect bind status for the command"),
            session(0x05, "ESME_RALYBND", "already bound"),
            permanent(0x06, "ESME_RINVPRTFLG", "invalid priority flag"),
            permanent(0x07, "ESME_RINVREGDLVFLG", "invalid registered delivery flag"),
            retryable(0x08, "ESME_RSYSERR", "system error"),
            permanent(0x0A, "ESME_RINVSRCADR", "invalid source address"),
            permanent(0x0B, "ESME_RINVDSTADR", "invalid destination address"),
            permanent(0x0C, "ESME_RINVMSGID", "invalid message id"),
            session(0x0D, "ESME_RBINDFAIL", "bind failed"),
            session(0x0E, "ESME_RINVPASWD", "invalid password"),
            session(0x0F, "ESME_RINVSYSID", "invalid system id"),
            permanent(0x11, "ESME_RCANCELFAIL", "cancel failed"),
            permanent(0x13, "ESME_RREPLACEFAIL", "replace failed"),
            retryable(0x14, "ESME_RMSGQFUL", "message queue full"),
            permanent(0x15, "ESME_RINVSERTYP", "invalid service type"),
            permanent(0x33, "ESME_RINVNUMDESTS", "invalid number of destinations"),
            permanent(0x34, "ESME_RINVDLNAME", "invalid distribution list name"),
            permanent(0x40, "ESME_RINVDESTFLAG", "invalid destination flag"),
            permanent(0x42, "ESME_RINVSUBREP", "invalid submit with replace request"),
            permanent(0x43, "ESME_RINVESMCLASS", "invalid esm_class"),
            permanent(0x44, "ESME_RCNTSUBDL", "cannot submit to distribution list"),
            retryable(0x45, "ESME_RSUBMITFAIL", "submit failed"),
            permanent(0x48, "ESME_RINVSRCTON", "invalid source address TON"),
            permanent(0x49, "ESME_RINVSRCNPI", "invalid source address NPI"),
            permanent(0x50, "ESME_RINVDSTTON", "invalid destination address TON"),
            permanent(0x51, "ESME_RINVDSTNPI", "invalid destination address NPI"),
            permanent(0x53, "ESME_RINVSYSTYP", "invalid system type"),
            permanent(0x54, "ESME_RINVREPFLAG", "invalid replace_if_present flag"),
            permanent(0x55, "ESME_RINVNUMMSGS", "invalid number of messages"),
            Map.entry(0x58, new Code("ESME_RTHROTTLED", "throttling error", StatusClass.THROTTLED)),
            permanent(0x61, "ESME_RINVSCHED", "invalid scheduled delivery time"),
            permanent(0x62, "ESME_RINVEXPIRY", "invalid validity period"),
            permanent(0x63, "ESME_RINVDFTMSGID", "predefined message not found"),
            retryable(0x64, "ESME_RX_T_APPN", "temporary application error"),
            permanent(0x65, "ESME_RX_P_APPN", "permanent application error"),
            permanent(0x66, "ESME_RX_R_APPN", "message rejected by the application"),
            permanent(0x67, "ESME_RQUERYFAIL", "query failed"),
            permanent(0xC0, "ESME_RINVOPTPARSTREAM", "error in the optional part of the PDU"),
            permanent(0xC1, "ESME_ROPTPARNOTALLWD", "optional parameter not allowed"),
            permanent(0xC2, "ESME_RINVPARLEN", "invalid parameter length"),
            permanent(0xC3, "ESME_RMISSINGOPTPARAM", "expected optional parameter missing"),
            permanent(0xC4, "ESME_RINVOPTPARAMVAL", "invalid optional parameter value"),
            permanent(0xFE, "ESME_RDELIVERYFAILURE", "delivery failure"),
            retryable(0xFF, "ESME_RUNKNOWNERR", "unknown error"));

    private CommandStatuses() {
    }

    static StatusClass classify(int commandStatus) {
        Code code = CODES.get(commandStatus);
        return code == null ? StatusClass.PERMANENT : code.statusClass();
    }

    /** e.g. "ESME_RINVDSTADR (0x0000000B) invalid destination address" */
    static String describe(int commandStatus) {
        Code code = CODES.get(commandStatus);
        String hex = String.format("0x%08X", commandStatus);
        return code == null
                ? "status " + hex + " (vendor-specific or reserved)"
                : code.name() + " (" + hex + ") " + code.description();
    }

    private static Map.Entry<Integer, Code> permanent(int status, String name, String description) {
        return Map.entry(status, new Code(name, description, StatusClass.PERMANENT));
    }

    private static Map.Entry<Integer, Code> retryable(int status, String name, String description) {
        return Map.entry(status, new Code(name, description, StatusClass.RETRYABLE));
    }

    private static Map.Entry<Integer, Code> session(int status, String name, String description) {
        return Map.entry(status, new Code(name, description, StatusClass.SESSION));
    }
}
