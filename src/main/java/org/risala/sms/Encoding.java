package org.risala.sms;

/** How the text of a message is carried: GSM 03.38 septets or UCS-2 (sent as UTF-16BE). */
public enum Encoding {
    GSM7((byte) 0x00),
    UCS2((byte) 0x08);

    private final byte dataCoding;

    Encoding(byte dataCoding) {
        this.dataCoding = dataCoding;
    }

    /** The SMPP data_coding value: 0x00 (SMSC default alphabet, agreed to be GSM-7) or 0x08 (UCS-2). */
    public byte dataCoding() {
        return dataCoding;
    }
}
