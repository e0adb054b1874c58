package dev.kademlia.api;

import java.util.Arrays;
import java.util.List;

/** The answer to one FIND_VALUE RPC ({@link KademliaNode#findValue}): the value, or closer contacts. */
public sealed interface FindValueResult {

    /**
     * The contact held the value.
     *
     * @param value the value (a copy is returned by the accessor)
     */
    record Value(byte[] value) implements FindValueResult {

        /** Copies the value. */
        public Value {
            value = value.clone();
        }

        /**
         * The value, copied.
         *
         * @return the value's bytes
         */
        @Override
        public byte[] value() {
            return value.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Value v && Arrays.equals(v.value, value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "Value[" + value.length + " bytes]";
        }
    }

    /**
     * The contact did not hold the value and returned the contacts it knows closest to the key.
     *
     * @param contacts up to {@code k} contacts, nearest to the key first
     */
    record Contacts(List<Contact> contacts) implements FindValueResult {

        /** Copies the list. */
        public Contacts {
            contacts = List.copyOf(contacts);
        }
    }
}
