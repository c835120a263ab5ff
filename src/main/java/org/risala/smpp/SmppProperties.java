package org.risala.smpp;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.validation.annotation.Validated;

/**
 * Operators reached over SMPP ({@code risala.smpp.*}). With no operator configured, the built-in simulator is the
 * only operator and carries live traffic too.
 *
 * @param highPriorityReserve share of each bind's TPS and window that only high-priority messages may use
 * @param leaseTtl            how long a node holds a bind without renewing it; after that another node takes it
 * @param simulatorLink       how Risala binds to the built-in simulator, when it runs
 * @param receiptZone         time zone of the dates in receipt texts (SMSCs write local time without a zone)
 */
@Validated
@ConfigurationProperties("risala.smpp")
public record SmppProperties(
        @Valid List<Operator> operators,
        @DecimalMin("0.0") @DecimalMax("0.9") Double highPriorityReserve,
        Duration leaseTtl,
        @Valid SimulatorLink simulatorLink,
        ZoneId receiptZone) {

    @ConstructorBinding
    public SmppProperties {
        operators = operators == null ? List.of() : List.copyOf(operators);
        highPriorityReserve = highPriorityReserve == null ? 0.2 : highPriorityReserve;
        leaseTtl = leaseTtl == null ? Duration.ofSeconds(15) : leaseTtl;
        simulatorLink = simulatorLink == null ? new SimulatorLink(null, null, null, null) : simulatorLink;
        receiptZone = receiptZone == null ? ZoneId.of("Asia/Muscat") : receiptZone;
    }

    /** the settings before the simulator link and receipt zone existed, with their defaults */
    public SmppProperties(List<Operator> operators, Double highPriorityReserve, Duration leaseTtl) {
        this(operators, highPriorityReserve, leaseTtl, null, null);
    }

    /**
     * The link to the built-in simulator ({@code risala.smpp.simulator-link.*}). The simulator answers with hex ids
     * and writes receipts in decimal, and is fast: the defaults let it carry real load in a demonstration.
     */
    public record SimulatorLink(@Min(1) Integer tps, @Min(1) Integer window, @Min(1) Integer binds,
                                MessageIdFormat messageIdFormat) {

        public SimulatorLink {
            tps = tps == null ? 10_000 : tps;
            window = window == null ? 100 : window;
            binds = binds == null ? 1 : binds;
            messageIdFormat = messageIdFormat == null ? MessageIdFormat.RESP_HEX_RCPT_DEC : messageIdFormat;
        }

        /** the operator entry for the simulator listening there; it prefers and allows no prefix of its own */
        public Operator toOperator(String host, int port) {
            return new Operator(OperatorLinks.SIMULATOR, host, port, "risala", "", "", BindMode.TRANSCEIVER, binds,
                    null, null, null, null, tps, window, List.of(), List.of(), messageIdFormat, null, null, null, null);
        }
    }

    public enum BindMode { TRANSCEIVER, TRANSMITTER_AND_RECEIVER }

    public enum Concatenation { UDH_8BIT, UDH_16BIT, SAR, PAYLOAD }

    /**
     * How the SMSC's message ids look in submit_sm_resp and in receipts, so both can be compared
     * (the hex/decimal trap, see docs/sms-reference.md).
     */
    public enum MessageIdFormat { AS_IS, RESP_HEX_RCPT_DEC, RESP_DEC_RCPT_HEX, BOTH_HEX, BOTH_DEC }

    /**
     * @param binds           how many binds (connections, or TX+RX pairs) to hold for this operator across the cluster
     * @param tps             segments per second the operator allows for the whole account, shared by all binds
     * @param window          unacknowledged submits allowed per bind
     * @param prefixes        E.164 prefixes this operator is preferred for, e.g. "+96891"
     * @param allowedPrefixes prefixes it may carry at all (failover); empty means any number
     * @param defaultSender   sender used when a message names none
     * @param shortCodeTon    TON for numeric senders of up to 8 digits (short codes): 3 network-specific by default
     * @param shortCodeNpi    NPI for short-code senders
     */
    public record Operator(
            @NotBlank String name,
            @NotBlank String host,
            @Min(1) int port,
            @NotBlank String systemId,
            String password,
            String systemType,
            BindMode bindMode,
            Integer binds,
            Duration enquireLinkInterval,
            Duration reconnectInitialDelay,
            Duration reconnectMaxDelay,
            Duration responseTimeout,
            @NotNull @Min(1) Integer tps,
            Integer window,
            List<String> prefixes,
            List<String> allowedPrefixes,
            MessageIdFormat messageIdFormat,
            Concatenation concatenation,
            String defaultSender,
            Integer shortCodeTon,
            Integer shortCodeNpi) {

        public Operator {
            password = password == null ? "" : password;
            systemType = systemType == null ? "" : systemType;
            bindMode = bindMode == null ? BindMode.TRANSCEIVER : bindMode;
            binds = binds == null ? 1 : binds;
            enquireLinkInterval = enquireLinkInterval == null ? Duration.ofSeconds(30) : enquireLinkInterval;
            reconnectInitialDelay = reconnectInitialDelay == null ? Duration.ofSeconds(1) : reconnectInitialDelay;
            reconnectMaxDelay = reconnectMaxDelay == null ? Duration.ofSeconds(60) : reconnectMaxDelay;
            responseTimeout = responseTimeout == null ? Duration.ofSeconds(10) : responseTimeout;
            window = window == null ? 10 : window;
            prefixes = prefixes == null ? List.of() : List.copyOf(prefixes);
            allowedPrefixes = allowedPrefixes == null ? List.of() : List.copyOf(allowedPrefixes);
            messageIdFormat = messageIdFormat == null ? MessageIdFormat.AS_IS : messageIdFormat;
            concatenation = concatenation == null ? Concatenation.UDH_8BIT : concatenation;
            defaultSender = defaultSender == null ? "90085" : defaultSender;
            shortCodeTon = shortCodeTon == null ? 3 : shortCodeTon;
            shortCodeNpi = shortCodeNpi == null ? 0 : shortCodeNpi;
        }

        /** TPS of one bind: the operator's budget split evenly, so the sum over the cluster never exceeds it */
        public double tpsPerBind() {
            return (double) tps / binds;
        }

        public boolean allows(String e164) {
            return allowedPrefixes.isEmpty() || allowedPrefixes.stream().anyMatch(e164::startsWith);
        }

        public boolean prefers(String e164) {
            return prefixes.stream().anyMatch(e164::startsWith);
        }
    }
}
