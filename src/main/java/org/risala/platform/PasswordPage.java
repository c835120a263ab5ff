package org.risala.platform;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Where every signed-in user changes their own password. */
@Controller
@RequestMapping("/account/password")
class PasswordPage {

    private final StaffAccounts accounts;

    PasswordPage(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("minPasswordLength", StaffAccounts.MIN_PASSWORD_LENGTH);
        return "account/password";
    }

    @PostMapping
    String change(@RequestParam(defaultValue = "") String currentPassword,
                  @RequestParam(defaultValue = "") String newPassword,
                  @RequestParam(defaultValue = "") String confirmPassword,
                  Principal principal, Model model, RedirectAttributes redirect) {
        try {
            if (!newPassword.equals(confirmPassword)) {
                throw new IllegalArgumentException("the two new passwords are not the same");
            }
            accounts.changePassword(principal.getName(), currentPassword, newPassword);
            redirect.addFlashAttribute("notice", "Your password has been changed.");
            return "redirect:/account/password";
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
            return form(model);
        }
    }
}
