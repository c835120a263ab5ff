package org.risala.simulator;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The virtual phone: one simulated handset's inbox, and a box to text a short code from it. */
@Controller
@ConditionalOnSimulator
class PhonePage {

    static final String DEFAULT_NUMBER = "+96891234567";
    static final String DEFAULT_SHORT_CODE = "90085";

    @GetMapping("/simulator/phone")
    String phone(@RequestParam(defaultValue = DEFAULT_NUMBER) String number, Model model) {
        model.addAttribute("number", Numbers.toE164(number));
        model.addAttribute("shortCode", DEFAULT_SHORT_CODE);
        return "simulator/phone";
    }
}
