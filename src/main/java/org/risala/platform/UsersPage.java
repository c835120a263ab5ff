package org.risala.platform;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin page for staff accounts and departments. */
@Controller
@RequestMapping("/admin/users")
class UsersPage {

    /** what the create-user form keeps when it is shown again with an error (never the password) */
    record UserForm(String username, Role role, Long departmentId) {
    }

    private final StaffAccounts accounts;

    UsersPage(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    String list(Model model) {
        return page(model, new UserForm("", Role.USER, null), null, null, "");
    }

    @PostMapping
    String create(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
                  @RequestParam(required = false) Role role, @RequestParam(required = false) Long departmentId,
                  Model model, RedirectAttributes redirect) {
        UserForm form = new UserForm(username, role, departmentId);
        try {
            if (departmentId == null) {
                throw new IllegalArgumentException("choose a department");
            }
            StaffUser user = accounts.createUser(username, password, role, departmentId);
            redirect.addFlashAttribute("notice", "User '" + user.username() + "' created.");
            return "redirect:/admin/users";
        } catch (IllegalArgumentException e) {
            return page(model, form, e.getMessage(), null, "");
        }
    }

    @PostMapping("/departments")
    String createDepartment(@RequestParam(defaultValue = "") String name, Model model, RedirectAttributes redirect) {
        try {
            Department department = accounts.createDepartment(name);
            redirect.addFlashAttribute("notice", "Department '" + department.name() + "' created.");
            return "redirect:/admin/users";
        } catch (IllegalArgumentException e) {
            return page(model, new UserForm("", Role.USER, null), null, e.getMessage(), name);
        }
    }

    @PostMapping("/{id}/enabled")
    String setEnabled(@PathVariable long id, @RequestParam boolean enabled, Principal principal,
                      RedirectAttributes redirect) {
        try {
            accounts.setEnabled(id, enabled, principal.getName());
            redirect.addFlashAttribute("notice", enabled ? "User enabled." : "User disabled.");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/users";
    }

    private String page(Model model, UserForm form, String userError, String departmentError, String departmentName) {
        model.addAttribute("users", accounts.users());
        model.addAttribute("departments", accounts.departments());
        model.addAttribute("roles", Role.values());
        model.addAttribute("form", form);
        model.addAttribute("userError", userError);
        model.addAttribute("departmentError", departmentError);
        model.addAttribute("departmentName", departmentName);
        model.addAttribute("minPasswordLength", StaffAccounts.MIN_PASSWORD_LENGTH);
        return "admin/users";
    }
}
