/**
 * The SMS vocabulary shared by every module: who a message goes to ({@link org.risala.sms.Msisdn}, parsed from what
 * people type by {@link org.risala.sms.MsisdnParser}), what it says ({@link org.risala.sms.MessageText} with its
 * {@link org.risala.sms.Encoding} and segments), how text becomes bytes and back ({@link org.risala.sms.Gsm7Alphabet},
 * {@link org.risala.sms.SmsCodec}) and how long messages are stitched together
 * ({@link org.risala.sms.ConcatenationHeader}).
 * <p>
 * Plain Java value objects and functions, no Spring beans, no dependencies on other modules, so that every module
 * (including the SMPP adapters and the simulator) can use it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "SMS vocabulary", allowedDependencies = {})
package org.risala.sms;
